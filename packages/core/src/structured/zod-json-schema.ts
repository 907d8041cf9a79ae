import { type $ZodType, toJSONSchema } from 'zod/v4/core';
import { toStrictJsonSchema } from './strict-json-schema.js';

/**
 * The strict JSON Schema of a zod (v4) schema's output, in draft 7 (as openai-node's
 * `zodResponseFormat` sends it, so both send the same schema).
 */
export function zodToStrictJsonSchema(schema: $ZodType, option?: string): Record<string, unknown> {
  const jsonSchema = toJSONSchema(schema, { target: 'draft-7' }) as Record<string, unknown>;
  return toStrictJsonSchema(jsonSchema, option);
}
