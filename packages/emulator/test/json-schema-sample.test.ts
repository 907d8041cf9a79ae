import { describe, expect, it } from 'vitest';
import { sampleJsonSchema } from '../src/json-schema-sample.js';

describe('sampleJsonSchema', () => {
  it('fills every declared property with a value of its type', () => {
    const value = sampleJsonSchema({
      type: 'object',
      properties: {
        name: { type: 'string' },
        age: { type: 'integer', minimum: 18 },
        score: { type: 'number', exclusiveMaximum: 0 },
        active: { type: 'boolean' },
        nickname: { type: ['string', 'null'] },
        when: { type: 'string', format: 'date-time' },
      },
    }) as Record<string, unknown>;
    expect(typeof value.name).toBe('string');
    expect(value.age).toBe(18);
    expect(value.score as number).toBeLessThan(0);
    expect(value.active).toBe(true);
    expect(typeof value.nickname).toBe('string');
    expect(Number.isNaN(Date.parse(value.when as string))).toBe(false);
  });

  it('uses const, enum, default and the first non-null branch of anyOf', () => {
    const value = sampleJsonSchema({
      type: 'object',
      properties: {
        kind: { const: 'fixed' },
        colour: { enum: ['red', 'green'] },
        size: { type: 'integer', default: 7 },
        either: { anyOf: [{ type: 'null' }, { type: 'number' }] },
      },
    });
    expect(value).toEqual({ kind: 'fixed', colour: 'red', size: 7, either: 1 });
  });

  it('respects array and string bounds', () => {
    const value = sampleJsonSchema({
      type: 'array',
      minItems: 3,
      maxItems: 3,
      items: { type: 'string', minLength: 10, maxLength: 12 },
    }) as string[];
    expect(value).toHaveLength(3);
    expect(value.every((item) => item.length >= 10 && item.length <= 12)).toBe(true);
  });

  it('ends recursive schemas', () => {
    const tree = {
      $defs: {
        node: {
          type: 'object',
          properties: { children: { type: 'array', items: { $ref: '#/$defs/node' } } },
          required: ['children'],
        },
      },
      $ref: '#/$defs/node',
    };
    const value = sampleJsonSchema(tree);
    expect(JSON.stringify(value).length).toBeLessThan(10_000);
  });

  it('merges allOf', () => {
    const value = sampleJsonSchema({
      allOf: [
        { type: 'object', properties: { a: { type: 'string' } } },
        { type: 'object', properties: { b: { type: 'number' } } },
      ],
    });
    expect(Object.keys(value as object).sort()).toEqual(['a', 'b']);
  });
});
