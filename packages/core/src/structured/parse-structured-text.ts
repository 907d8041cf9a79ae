import { StructuredOutputError } from '../errors/structured-output-error.js';
import type { OutputValidator } from './output-validator.js';

/**
 * Reads the complete text of a structured answer: JSON, checked by `validator`.
 *
 * @throws {StructuredOutputError} when the text is not JSON (a truncated answer, say) or breaks
 * the schema; it carries the text.
 */
export function parseStructuredText<T>(text: string, validator: OutputValidator<T>): T {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new StructuredOutputError(text, [
      { path: [], message: `not valid JSON (${(error as Error).message})` },
    ]);
  }
  const check = validator(value);
  if (!check.ok) throw new StructuredOutputError(text, check.issues);
  return check.value;
}
