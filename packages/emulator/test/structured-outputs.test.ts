import {
  type ChatwireClient,
  createClient,
  type DeepPartial,
  jsonSchemaResponseFormat,
  parseableTool,
  StructuredOutputError,
  streamObject,
  zodResponseFormat,
} from '@chatwire/core';
import OpenAI from 'openai';
import { zodResponseFormat as openaiZodResponseFormat } from 'openai/helpers/zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type Emulator, startEmulator } from '../src/index.js';

const Recipe = z.object({
  title: z.string(),
  servings: z.number().int().min(1),
  ingredients: z.array(z.object({ name: z.string(), quantity: z.string() })),
  steps: z.array(z.string()),
  vegetarian: z.boolean(),
  note: z.string().nullable(),
});
type Recipe = z.infer<typeof Recipe>;

const messages = [{ role: 'user' as const, content: 'A recipe for pancakes, please.' }];
const model = 'gpt-4o-mini';

let emulator: Emulator;
let client: ChatwireClient;

beforeAll(async () => {
  emulator = await startEmulator();
  client = createClient({ baseURL: emulator.url, apiKey: 'test', maxRetries: 0 });
});
afterAll(() => emulator.close());

/** Whether `later` holds everything `earlier` held: strings extended, items and keys kept. */
function extends_(earlier: unknown, later: unknown): boolean {
  if (typeof earlier === 'string') return typeof later === 'string' && later.startsWith(earlier);
  if (Array.isArray(earlier)) {
    return (
      Array.isArray(later) &&
      later.length >= earlier.length &&
      earlier.every((item, i) => extends_(item, later[i]))
    );
  }
  if (typeof earlier === 'object' && earlier !== null) {
    if (typeof later !== 'object' || later === null) return false;
    return Object.entries(earlier).every(
      ([key, value]) => key in later && extends_(value, (later as Record<string, unknown>)[key]),
    );
  }
  return Object.is(earlier, later);
}

describe('structured answers against the emulator', () => {
  it('parse gives the same object as openai-node given the same zod schema', async () => {
    const openai = new OpenAI({ baseURL: emulator.url, apiKey: 'test', maxRetries: 0 });
    const theirs = await openai.chat.completions.parse({
      model,
      messages,
      response_format: openaiZodResponseFormat(Recipe, 'recipe'),
    });
    const ours = await client.chat.completions.parse({
      model,
      messages,
      response_format: zodResponseFormat(Recipe, 'recipe'),
    });
    const parsed: Recipe | null = ours.choices[0]?.message.parsed ?? null;
    expect(parsed).not.toBeNull();
    expect(parsed).toEqual(theirs.choices[0]?.message.parsed);
    // The same schema goes out, but for the `$schema` dialect line, which chatwire leaves out.
    type Sent = { response_format: { json_schema: { schema: Record<string, unknown> } } };
    const [sentByThem, sentByUs] = emulator.requests.slice(-2).map((r) => r.json as Sent);
    const { $schema, ...theirSchema } = sentByThem!.response_format.json_schema.schema;
    expect($schema).toBeDefined();
    expect(sentByUs!.response_format.json_schema).toEqual({
      ...sentByThem!.response_format.json_schema,
      schema: theirSchema,
    });
  });

  it('parse checks an answer against a plain JSON Schema', async () => {
    const format = jsonSchemaResponseFormat<{ city: string; population: number }>(
      {
        type: 'object',
        properties: { city: { type: 'string' }, population: { type: 'integer', minimum: 1 } },
        required: ['city', 'population'],
      },
      'city',
    );
    const completion = await client.chat.completions.parse({
      model,
      messages,
      response_format: format,
    });
    expect(completion.choices[0]?.message.parsed).toEqual({ city: 'city', population: 1 });
    expect(completion.meta.traceId).toBeTruthy();
  });

  it('an invalid object is a StructuredOutputError carrying the raw text and the issues', async () => {
    const error = await client.chat.completions
      .parse({
        model: 'scenario:invalid-object',
        messages,
        response_format: zodResponseFormat(Recipe, 'recipe'),
      })
      .catch((caught: unknown) => caught);
    expect(StructuredOutputError.isInstance(error)).toBe(true);
    const { text, issues } = error as StructuredOutputError;
    expect(JSON.parse(text)).toMatchObject({ unexpected_property: true });
    expect(issues.map((issue) => issue.path[0])).toContain('title');
  });

  it('the same invalid object checked by a JSON Schema names what is wrong', async () => {
    const error = await client.chat.completions
      .parse({
        model: 'scenario:invalid-object',
        messages,
        response_format: jsonSchemaResponseFormat(
          { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
          'city',
        ),
      })
      .catch((caught: unknown) => caught);
    expect(StructuredOutputError.isInstance(error)).toBe(true);
    expect((error as StructuredOutputError).text).toBe('{"unexpected_property":true}');
    expect((error as StructuredOutputError).issues.length).toBeGreaterThan(0);
  });

  it('a refusal leaves parsed null and reports the refusal', async () => {
    const completion = await client.chat.completions.parse({
      model: 'scenario:refusal',
      messages,
      response_format: zodResponseFormat(Recipe, 'recipe'),
    });
    const message = completion.choices[0]?.message;
    expect(message?.parsed).toBeNull();
    expect(message?.content).toBeNull();
    expect(message?.refusal).toMatch(/can't help/);
  });

  it('a streamed refusal gives no object and the refusal in the final completion', async () => {
    const format = zodResponseFormat(Recipe, 'recipe');
    const stream = streamObject(
      await client.chat.completions.create({
        model: 'scenario:refusal',
        messages,
        response_format: format,
        stream: true,
      }),
      format,
    );
    const partials: unknown[] = [];
    for await (const partial of stream) partials.push(partial);
    expect(partials).toEqual([]);
    expect(await stream.finalObject()).toBeNull();
    expect((await stream.finalChatCompletion()).choices[0]?.message.refusal).toMatch(/can't/);
  });

  it('streamed partial objects grow monotonically, slowly, into the validated object', async () => {
    const format = zodResponseFormat(Recipe, 'recipe');
    const started = Date.now();
    const stream = streamObject(
      await client.chat.completions.create(
        { model, messages, response_format: format, stream: true },
        { headers: { 'x-emulator-token-delay-ms': '5' } },
      ),
      format,
    );
    const partials: DeepPartial<Recipe>[] = [];
    for await (const partial of stream) partials.push(partial);
    const recipe = await stream.finalObject();
    expect(partials.length).toBeGreaterThan(10);
    for (let i = 1; i < partials.length; i++) {
      expect(extends_(partials[i - 1], partials[i])).toBe(true);
    }
    expect(partials[0]).toEqual({});
    expect(partials.at(-1)).toEqual(recipe);
    expect(Recipe.parse(recipe)).toEqual(recipe);
    // One pause per chunk: the object really arrives piece by piece.
    expect(Date.now() - started).toBeGreaterThanOrEqual(partials.length * 5);
  });

  it('a streamed invalid object rejects finalObject with the raw text', async () => {
    const format = zodResponseFormat(Recipe, 'recipe');
    const stream = streamObject(
      await client.chat.completions.create({
        model: 'scenario:invalid-object',
        messages,
        response_format: format,
        stream: true,
      }),
      format,
    );
    const error = await stream.finalObject().catch((caught: unknown) => caught);
    expect(StructuredOutputError.isInstance(error)).toBe(true);
    expect((error as StructuredOutputError).text).toContain('unexpected_property');
  });

  it('a zod tool gets parsed_arguments, sent in strict mode', async () => {
    const getWeather = parseableTool({
      name: 'get_weather',
      description: 'The current weather in a city',
      parameters: z.object({ city: z.string(), unit: z.enum(['celsius', 'fahrenheit']) }),
    });
    const completion = await client.chat.completions.parse({
      model,
      messages: [{ role: 'user', content: 'What is the weather in Paris?' }],
      tools: [getWeather],
    });
    const call = completion.choices[0]?.message.tool_calls?.[0];
    expect(call?.function.parsed_arguments).toEqual({ city: 'Paris', unit: 'celsius' });
    const sent = emulator.requests.at(-1)?.json as { tools: Array<{ function: unknown }> };
    expect(sent.tools[0]?.function).toMatchObject({
      name: 'get_weather',
      strict: true,
      parameters: { additionalProperties: false, required: ['city', 'unit'] },
    });
  });
});
