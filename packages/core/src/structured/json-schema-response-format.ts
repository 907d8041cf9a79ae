import type { SchemaDraft } from '@cfworker/json-schema';
import { attachValidator } from './attached-validator.js';
import { jsonSchemaValidator } from './json-schema-validator.js';
import type { ParseableResponseFormat } from './parseable-response-format.js';
import type { ResponseFormatOptions } from './response-format-options.js';
import { toStrictJsonSchema } from './strict-json-schema.js';

/** Options of {@link jsonSchemaResponseFormat}. */
export interface JsonSchemaResponseFormatOptions extends ResponseFormatOptions {
  /**
   * Sends the schema in the strict form of OpenAI's Structured Outputs (every property
   * required, objects closed) with `strict: true`, and checks answers against that form.
   * Defaults to true; with false, the schema is sent and checked as given.
   */
  strict?: boolean;
  /** The JSON Schema draft the schema is written in. Defaults to `2020-12`. */
  draft?: SchemaDraft;
}

/**
 * A `json_schema` response format from a JSON Schema object, whose answers `parse`,
 * `streamObject` and the structured store check with `@cfworker/json-schema`. Give the answer's
 * type as `T`; it is not inferred from the schema.
 *
 * @param schema The JSON Schema of the answer; its root must be an object.
 * @param name The format's name: letters, digits, underscores and dashes, at most 64 characters.
 * @throws {InvalidOptionError} when `strict` is on and the schema cannot be made strict.
 * @example
 * ```ts
 * const format = jsonSchemaResponseFormat<{ city: string }>(
 *   { type: 'object', properties: { city: { type: 'string' } } },
 *   'place',
 * );
 * ```
 */
export function jsonSchemaResponseFormat<T = unknown>(
  schema: Record<string, unknown>,
  name: string,
  options: JsonSchemaResponseFormatOptions = {},
): ParseableResponseFormat<T> {
  const { strict = true, draft, ...rest } = options;
  const sent = strict ? toStrictJsonSchema(schema) : schema;
  return attachValidator(
    { type: 'json_schema', json_schema: { ...rest, name, strict, schema: sent } },
    jsonSchemaValidator<T>(sent, draft),
  );
}
