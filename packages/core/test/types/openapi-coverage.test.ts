import { describe, expect, it } from 'vitest';
import fixture from '../fixtures/openapi-properties.json' with { type: 'json' };
import { declaredProperties } from './declared-properties.js';

const declared: Record<
  string,
  Readonly<Record<string, 'required' | 'optional'>>
> = declaredProperties;

/**
 * Properties the spec requires that the types deliberately leave optional, because providers
 * behind Portkey leave them out of real responses.
 */
const optionalDespiteSpec: Record<string, string[]> = {
  'CreateChatCompletionResponse.choices[]': ['logprobs'],
};

const specSchemas: Record<string, { properties: string[]; required: string[] }> = fixture.schemas;

describe('chat completion types against the Portkey OpenAPI spec', () => {
  it('maps every schema of the fixture to a declared type, and no other', () => {
    expect(Object.keys(declared).sort()).toEqual(Object.keys(specSchemas).sort());
  });

  it.each(Object.entries(specSchemas))(
    '%s: every property the spec lists is declared',
    (path, schema) => {
      const ours = declared[path] ?? {};
      const missing = schema.properties.filter((name) => !(name in ours));
      expect(missing).toEqual([]);
    },
  );

  it.each(Object.entries(specSchemas))(
    '%s: properties the spec requires are required',
    (path, schema) => {
      const ours = declared[path] ?? {};
      const allowed = optionalDespiteSpec[path] ?? [];
      const notRequired = schema.required.filter(
        (name) => ours[name] !== 'required' && !allowed.includes(name),
      );
      expect(notRequired).toEqual([]);
    },
  );

  it.each(Object.entries(specSchemas))(
    '%s: properties the spec leaves optional are optional',
    (path, schema) => {
      const ours = declared[path] ?? {};
      const requiredHere = schema.properties.filter(
        (name) => ours[name] === 'required' && !schema.required.includes(name),
      );
      expect(requiredHere).toEqual([]);
    },
  );
});
