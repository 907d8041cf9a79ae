import type { $ZodType, output } from 'zod/v4/core';
import { attachValidator } from './attached-validator.js';
import type { ParseableResponseFormat } from './parseable-response-format.js';
import type { ResponseFormatOptions } from './response-format-options.js';
import { zodToStrictJsonSchema } from './zod-json-schema.js';
import { zodValidator } from './zod-validator.js';

/**
 * A strict `json_schema` response format from a zod (v4) schema, whose answers `parse`,
 * `streamObject` and the structured store check with the schema and type as its output.
 *
 * The schema sent is the strict form OpenAI's Structured Outputs require: the root is an
 * object, every property is required (make optional ones `.nullable()`), and no object allows
 * extra properties.
 *
 * @param schema The shape of the answer; its root must be a `z.object`.
 * @param name The format's name: letters, digits, underscores and dashes, at most 64 characters.
 * @throws {InvalidOptionError} when the schema cannot be made strict.
 * @example
 * ```ts
 * const Recipe = z.object({ title: z.string(), steps: z.array(z.string()) });
 * const completion = await client.chat.completions.parse({
 *   model, messages, response_format: zodResponseFormat(Recipe, 'recipe'),
 * });
 * completion.choices[0].message.parsed; // { title: string; steps: string[] } | null
 * ```
 */
export function zodResponseFormat<Schema extends $ZodType>(
  schema: Schema,
  name: string,
  options: ResponseFormatOptions = {},
): ParseableResponseFormat<output<Schema>> {
  return attachValidator(
    {
      type: 'json_schema',
      json_schema: { ...options, name, strict: true, schema: zodToStrictJsonSchema(schema) },
    },
    zodValidator(schema),
  );
}
