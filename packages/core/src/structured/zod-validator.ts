import { type $ZodType, type output, safeParse } from 'zod/v4/core';
import type { OutputValidator } from './output-validator.js';

/** Checks values with a zod (v4) schema, giving its output (defaults applied, transforms run). */
export function zodValidator<Schema extends $ZodType>(
  schema: Schema,
): OutputValidator<output<Schema>> {
  return (value) => {
    const result = safeParse(schema, value);
    if (result.success) return { ok: true, value: result.data };
    return {
      ok: false,
      issues: result.error.issues.map((issue) => ({
        path: issue.path.map((key) => (typeof key === 'number' ? key : String(key))),
        message: issue.message,
      })),
    };
  };
}
