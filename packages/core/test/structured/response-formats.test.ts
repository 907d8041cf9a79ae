import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  InvalidOptionError,
  jsonSchemaResponseFormat,
  parseableTool,
  StructuredOutputError,
  zodResponseFormat,
} from '../../src/index.js';

describe('response formats', () => {
  it('a zod schema is sent strict: every object closed and listing all its properties', () => {
    const format = zodResponseFormat(
      z.object({
        title: z.string(),
        note: z.string().nullable(),
        steps: z.array(z.object({ text: z.string() })),
        kind: z.discriminatedUnion('type', [
          z.object({ type: z.literal('a') }),
          z.object({ type: z.literal('b'), n: z.number() }),
        ]),
      }),
      'recipe',
      { description: 'A recipe' },
    );
    const body = JSON.parse(JSON.stringify({ response_format: format }));
    expect(body.response_format.json_schema).toMatchObject({
      name: 'recipe',
      description: 'A recipe',
      strict: true,
      schema: {
        type: 'object',
        additionalProperties: false,
        required: ['title', 'note', 'steps', 'kind'],
        properties: {
          steps: { items: { additionalProperties: false, required: ['text'] } },
          kind: { anyOf: [{ required: ['type'] }, { required: ['type', 'n'] }] },
        },
      },
    });
    expect(body.response_format.json_schema.schema).not.toHaveProperty('$schema');
    expect(Object.keys(body.response_format)).toEqual(['type', 'json_schema']);
  });

  it('an optional property that is not nullable is refused, naming where it is', () => {
    expect(() => zodResponseFormat(z.object({ a: z.string().optional() }), 'x')).toThrow(
      /`a` cannot be used in strict mode/,
    );
    expect(() => zodResponseFormat(z.object({ a: z.record(z.string(), z.number()) }), 'x')).toThrow(
      InvalidOptionError,
    );
  });

  it('a plain JSON Schema can be sent as given, and is then checked as given', () => {
    const format = jsonSchemaResponseFormat(
      { type: 'object', properties: { a: { type: 'string' } } },
      'x',
      { strict: false },
    );
    expect(format.json_schema).toEqual({
      name: 'x',
      strict: false,
      schema: { type: 'object', properties: { a: { type: 'string' } } },
    });
  });

  it('a zod tool is sent strict and refuses a schema strict mode cannot take', () => {
    const tool = parseableTool({
      name: 'lookup',
      parameters: z.object({ query: z.string(), limit: z.number().nullable() }),
    });
    expect(tool.function).toMatchObject({
      name: 'lookup',
      strict: true,
      parameters: { additionalProperties: false, required: ['query', 'limit'] },
    });
    const refused = (() => {
      try {
        parseableTool({ name: 'bad', parameters: z.object({ q: z.string().optional() }) });
      } catch (error) {
        return error;
      }
    })();
    expect(InvalidOptionError.isInstance(refused)).toBe(true);
    expect((refused as InvalidOptionError).option).toBe('tools');
  });

  it('StructuredOutputError names each issue with its path, and keeps the text', () => {
    const error = new StructuredOutputError('{"a":1}', [
      { path: ['a'], message: 'expected string' },
      { path: [], message: 'missing b' },
    ]);
    expect(error.message).toContain('a: expected string; missing b');
    expect(error.text).toBe('{"a":1}');
    expect(error.name).toBe('StructuredOutputError');
  });
});
