import { type Schema, type SchemaDraft, Validator } from '@cfworker/json-schema';
import type { StructuredOutputIssue } from '../errors/structured-output-error.js';
import type { OutputValidator } from './output-validator.js';

/** `#/steps/0` as `['steps', 0]`. */
function pathOf(instanceLocation: string): (string | number)[] {
  return instanceLocation
    .split('/')
    .slice(1)
    .map((token) => decodeURIComponent(token).replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((key) => (/^\d+$/.test(key) ? Number(key) : key));
}

/**
 * Checks values with a JSON Schema (`@cfworker/json-schema`, no code generation, so it runs
 * under a strict Content Security Policy). Values are used as they are, typed as `T`.
 */
export function jsonSchemaValidator<T>(
  schema: Record<string, unknown>,
  draft: SchemaDraft = '2020-12',
): OutputValidator<T> {
  const validator = new Validator(schema as Schema, draft, false);
  return (value) => {
    const result = validator.validate(value);
    if (result.valid) return { ok: true, value: value as T };
    // Each failing property is also reported by the object around it; keep the deepest words.
    const locations = result.errors.map((error) => error.instanceLocation);
    const issues: StructuredOutputIssue[] = result.errors
      .filter(
        (error) =>
          !locations.some((other) => other.startsWith(`${error.instanceLocation}/`)) &&
          !['properties', 'items', 'allOf', '$ref'].includes(error.keyword),
      )
      .map((error) => ({ path: pathOf(error.instanceLocation), message: error.error }));
    return { ok: false, issues };
  };
}
