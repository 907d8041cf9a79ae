import type { StructuredOutputIssue } from '../errors/structured-output-error.js';

/** The verdict of an {@link OutputValidator}: the value to use, or what is wrong. */
export type OutputCheck<T> =
  | { ok: true; value: T }
  | { ok: false; issues: StructuredOutputIssue[] };

/**
 * Checks a parsed JSON value against a schema and gives the value to use (a zod schema's
 * output, with defaults and transforms applied). Synchronous, so that a stream can check its
 * final object as soon as it ends.
 */
export type OutputValidator<T> = (value: unknown) => OutputCheck<T>;
