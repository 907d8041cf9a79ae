/**
 * Supplies a value for one spot in the schema, e.g. a city named in the user's text for a
 * `city` property; `undefined` lets the sampler make one up.
 */
export type SampleHint = (path: readonly string[], schema: Record<string, unknown>) => unknown;

const MAX_DEPTH = 8;

type Schema = Record<string, unknown>;

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function resolveRef(root: Schema, ref: string): Schema {
  if (!ref.startsWith('#')) return {};
  let node: unknown = root;
  for (const raw of ref.slice(1).split('/').filter(Boolean)) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    node = isSchema(node) ? node[key] : undefined;
  }
  return isSchema(node) ? node : {};
}

function mergeAllOf(schema: Schema, root: Schema): Schema {
  const parts = Array.isArray(schema.allOf) ? schema.allOf.filter(isSchema) : [];
  const merged: Schema = { ...schema };
  delete merged.allOf;
  for (const raw of parts) {
    const part = typeof raw.$ref === 'string' ? resolveRef(root, raw.$ref) : raw;
    for (const [key, value] of Object.entries(part)) {
      if (key === 'properties' && isSchema(value)) {
        merged.properties = { ...(isSchema(merged.properties) ? merged.properties : {}), ...value };
      } else if (key === 'required' && Array.isArray(value)) {
        merged.required = [...(Array.isArray(merged.required) ? merged.required : []), ...value];
      } else if (!(key in merged)) {
        merged[key] = value;
      }
    }
  }
  return merged;
}

function primaryType(schema: Schema): string | undefined {
  const { type } = schema;
  if (typeof type === 'string') return type;
  if (Array.isArray(type)) {
    const named = type.filter((item): item is string => typeof item === 'string');
    return named.find((item) => item !== 'null') ?? named[0];
  }
  if (isSchema(schema.properties)) return 'object';
  if (schema.items !== undefined) return 'array';
  return undefined;
}

function sampleString(schema: Schema, name: string): string {
  switch (schema.format) {
    case 'date-time':
      return '2024-01-01T00:00:00Z';
    case 'date':
      return '2024-01-01';
    case 'time':
      return '12:00:00';
    case 'email':
      return 'user@example.com';
    case 'uri':
    case 'url':
      return 'https://example.com';
    case 'uuid':
      return '00000000-0000-4000-8000-000000000000';
  }
  const minLength = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const maxLength =
    typeof schema.maxLength === 'number' ? schema.maxLength : Number.POSITIVE_INFINITY;
  let text = name || 'text';
  while (text.length < minLength) text += ` ${name || 'text'}`;
  return text.slice(0, Math.max(0, maxLength)).padEnd(minLength, 'x');
}

function sampleNumber(schema: Schema, integer: boolean): number {
  const minimum =
    typeof schema.minimum === 'number'
      ? schema.minimum
      : typeof schema.exclusiveMinimum === 'number'
        ? schema.exclusiveMinimum + (integer ? 1 : 0.5)
        : undefined;
  const maximum =
    typeof schema.maximum === 'number'
      ? schema.maximum
      : typeof schema.exclusiveMaximum === 'number'
        ? schema.exclusiveMaximum - (integer ? 1 : 0.5)
        : undefined;
  let value = minimum ?? (maximum !== undefined ? Math.min(maximum, 1) : 1);
  if (integer) value = Math.ceil(value);
  if (typeof schema.multipleOf === 'number' && schema.multipleOf > 0) {
    value = Math.ceil(value / schema.multipleOf) * schema.multipleOf;
  }
  return value;
}

function sample(
  schemaIn: Schema,
  root: Schema,
  path: string[],
  hint: SampleHint | undefined,
): unknown {
  // Past twice the depth even required properties are cut, so that no schema can recurse forever.
  if (path.length > 2 * MAX_DEPTH) return null;
  let schema = schemaIn;
  for (let hops = 0; typeof schema.$ref === 'string' && hops < MAX_DEPTH; hops++) {
    schema = {
      ...resolveRef(root, schema.$ref),
      ...Object.fromEntries(Object.entries(schema).filter(([key]) => key !== '$ref')),
    };
  }
  if (Array.isArray(schema.allOf)) schema = mergeAllOf(schema, root);
  const hinted = hint?.(path, schema);
  if (hinted !== undefined) return hinted;
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  if ('default' in schema) return schema.default;
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  const alternatives = Array.isArray(schema.anyOf)
    ? schema.anyOf
    : Array.isArray(schema.oneOf)
      ? schema.oneOf
      : undefined;
  if (alternatives) {
    const first =
      alternatives.filter(isSchema).find((option) => option.type !== 'null') ??
      alternatives.find(isSchema);
    return first ? sample(first, root, path, hint) : null;
  }
  const name = [...path].reverse().find((segment) => !/^\d+$/.test(segment)) ?? '';
  const depth = path.length;
  switch (primaryType(schema)) {
    case 'string':
      return sampleString(schema, name);
    case 'integer':
      return sampleNumber(schema, true);
    case 'number':
      return sampleNumber(schema, false);
    case 'boolean':
      return true;
    case 'null':
      return null;
    case 'array': {
      const items = isSchema(schema.items) ? schema.items : {};
      const minItems = typeof schema.minItems === 'number' ? schema.minItems : 0;
      const maxItems =
        typeof schema.maxItems === 'number' ? schema.maxItems : Number.POSITIVE_INFINITY;
      const count = depth >= MAX_DEPTH ? minItems : Math.min(Math.max(minItems, 1), maxItems, 100);
      return Array.from({ length: count }, (_, index) =>
        sample(items, root, [...path, String(index)], hint),
      );
    }
    case 'object': {
      const properties = isSchema(schema.properties) ? schema.properties : {};
      const required = new Set(
        Array.isArray(schema.required)
          ? schema.required.filter((key) => typeof key === 'string')
          : [],
      );
      const result: Record<string, unknown> = {};
      for (const [key, propertySchema] of Object.entries(properties)) {
        if (depth >= MAX_DEPTH && !required.has(key)) continue;
        result[key] = sample(
          isSchema(propertySchema) ? propertySchema : {},
          root,
          [...path, key],
          hint,
        );
      }
      return result;
    }
    default:
      return depth === 0 ? {} : sampleString(schema, name);
  }
}

/**
 * Makes a value that conforms to a JSON schema: every declared property of an object, the first
 * enum member, `const`/`default`/`examples` when given, strings in a requested `format`, numbers
 * and lengths within their bounds, local `$ref`s, `allOf`, and the first non-null branch of
 * `anyOf`/`oneOf`. Recursive schemas stop at a fixed depth with only their required properties.
 */
export function sampleJsonSchema(schema: Record<string, unknown>, hint?: SampleHint): unknown {
  return sample(schema, schema, [], hint);
}
