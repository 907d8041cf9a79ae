import { InvalidOptionError } from '../errors/chatwire-error.js';

type Schema = Record<string, unknown>;

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNullable(schema: unknown): boolean {
  if (!isSchema(schema)) return false;
  const { type, anyOf } = schema;
  if (type === 'null' || (Array.isArray(type) && type.includes('null'))) return true;
  return Array.isArray(anyOf) && anyOf.some(isNullable);
}

function refuse(option: string, path: string[], why: string): never {
  const where = path.length > 0 ? path.join('/') : '<root>';
  throw new InvalidOptionError(
    option,
    `The schema at \`${where}\` cannot be used in strict mode: ${why}`,
  );
}

function closeObject(schema: Schema, path: string[], option: string): void {
  if (!('additionalProperties' in schema)) schema.additionalProperties = false;
  else if (schema.additionalProperties !== false) {
    refuse(
      option,
      path,
      'an object must not allow additional properties (no records or passthrough).',
    );
  }
  const properties = isSchema(schema.properties) ? schema.properties : {};
  const required = Array.isArray(schema.required) ? schema.required : [];
  for (const [key, property] of Object.entries(properties)) {
    if (!required.includes(key) && !isNullable(property)) {
      refuse(
        option,
        [...path, key],
        'an optional property must be nullable as well (`.nullable()`).',
      );
    }
  }
  schema.properties = properties;
  schema.required = Object.keys(properties);
}

function visit(schema: unknown, path: string[], option: string): void {
  if (!isSchema(schema)) return;
  // Strict mode knows `anyOf` but not `oneOf`; a discriminated union's branches never overlap,
  // so the two accept the same values.
  if (Array.isArray(schema.oneOf) && schema.anyOf === undefined) {
    schema.anyOf = schema.oneOf;
    delete schema.oneOf;
  }
  if (schema.type === 'object' || isSchema(schema.properties)) closeObject(schema, path, option);
  if (isSchema(schema.properties)) {
    for (const [key, child] of Object.entries(schema.properties))
      visit(child, [...path, key], option);
  }
  if (Array.isArray(schema.items)) refuse(option, path, 'tuples are not supported.');
  visit(schema.items, [...path, 'items'], option);
  for (const keyword of ['anyOf', 'allOf'] as const) {
    const branches = schema[keyword];
    if (!Array.isArray(branches)) continue;
    for (const [i, child] of branches.entries()) visit(child, [...path, String(i)], option);
  }
  for (const keyword of ['$defs', 'definitions'] as const) {
    const definitions = schema[keyword];
    if (!isSchema(definitions)) continue;
    for (const [name, child] of Object.entries(definitions)) visit(child, [keyword, name], option);
  }
}

/**
 * A copy of `schema` in the form OpenAI's strict Structured Outputs require: every object
 * closed (`additionalProperties: false`) and listing every property as required (an optional
 * one must be nullable), `oneOf` as `anyOf`, no `$schema`, and an object at the root.
 *
 * @param option The option the schema was given in, named by the error.
 * @throws {InvalidOptionError} when the schema cannot be made strict (a record, a tuple, an
 * optional property that is not nullable, a root that is not an object).
 */
export function toStrictJsonSchema(
  schema: Record<string, unknown>,
  option = 'response_format',
): Record<string, unknown> {
  const { $schema: _dialect, ...copy } = structuredClone(schema);
  if (copy.type !== 'object') refuse(option, [], 'the root must be an object.');
  visit(copy, [], option);
  return copy;
}
