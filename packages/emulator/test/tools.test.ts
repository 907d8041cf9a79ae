import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '../src/index.js';
import { chunksOf, type Loose, postChat, user } from './support/http.js';

const weather = {
  type: 'function',
  function: {
    name: 'get_weather',
    description: 'Get the current weather for a city',
    parameters: {
      type: 'object',
      properties: {
        city: { type: 'string' },
        unit: { type: 'string', enum: ['celsius', 'fahrenheit'] },
      },
      required: ['city', 'unit'],
    },
  },
};
const stocks = {
  type: 'function',
  function: {
    name: 'lookup_stock_price',
    parameters: {
      type: 'object',
      properties: { ticker: { type: 'string' } },
      required: ['ticker'],
    },
  },
};

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(() => emulator.close());

function toolCallsOf(json: unknown): Array<Record<string, Loose>> {
  return (json as Record<string, Loose>).choices[0].message.tool_calls ?? [];
}

describe('tool calls', () => {
  it('calls the weather tool once per city named, in parallel', async () => {
    const { json } = await postChat(emulator.url, {
      model: 'm',
      tools: [weather, stocks],
      messages: [user('What is the weather in Paris and Tokyo, in fahrenheit?')],
    });
    const calls = toolCallsOf(json);
    expect((json as Record<string, Loose>).choices[0].finish_reason).toBe('tool_calls');
    expect((json as Record<string, Loose>).choices[0].message.content).toBeNull();
    expect(calls.map((call) => JSON.parse(call.function.arguments))).toEqual([
      { city: 'Paris', unit: 'fahrenheit' },
      { city: 'Tokyo', unit: 'fahrenheit' },
    ]);
    expect(calls.every((call) => /^call_\w+$/.test(call.id) && call.type === 'function')).toBe(
      true,
    );
  });

  it('makes one call when parallel_tool_calls is false', async () => {
    const { json } = await postChat(emulator.url, {
      model: 'm',
      tools: [weather],
      parallel_tool_calls: false,
      messages: [user('Weather in Paris and Tokyo?')],
    });
    expect(toolCallsOf(json)).toHaveLength(1);
  });

  it('calls a tool whose name the user mentions', async () => {
    const { json } = await postChat(emulator.url, {
      model: 'm',
      tools: [weather, stocks],
      messages: [user('Please lookup the stock price of ACME')],
    });
    expect(toolCallsOf(json).map((call) => call.function.name)).toEqual(['lookup_stock_price']);
  });

  it('answers in text when no tool fits, or when tool_choice is none', async () => {
    const unrelated = await postChat(emulator.url, {
      model: 'm',
      tools: [weather],
      messages: [user('Write a haiku')],
    });
    expect(toolCallsOf(unrelated.json)).toEqual([]);
    const none = await postChat(emulator.url, {
      model: 'm',
      tools: [weather],
      tool_choice: 'none',
      messages: [user('Weather in Oslo?')],
    });
    expect(toolCallsOf(none.json)).toEqual([]);
    expect((none.json as Record<string, Loose>).choices[0].finish_reason).toBe('stop');
  });

  it('forces a call with tool_choice required or a named function', async () => {
    const required = await postChat(emulator.url, {
      model: 'm',
      tools: [weather],
      tool_choice: 'required',
      messages: [user('Write a haiku')],
    });
    expect(toolCallsOf(required.json)[0]?.function.name).toBe('get_weather');
    const named = await postChat(emulator.url, {
      model: 'm',
      tools: [weather, stocks],
      tool_choice: { type: 'function', function: { name: 'lookup_stock_price' } },
      messages: [user('Weather in Oslo?')],
    });
    expect(toolCallsOf(named.json).map((call) => call.function.name)).toEqual([
      'lookup_stock_price',
    ]);
  });

  it('streams tool calls as deltas: id, type and name first, then argument fragments', async () => {
    const { text } = await postChat(emulator.url, {
      model: 'm',
      stream: true,
      tools: [weather],
      messages: [user('Weather in Paris and Tokyo?')],
    });
    const deltas = (await chunksOf(text)).flatMap(
      (chunk) => chunk.choices[0]?.delta.tool_calls ?? [],
    );
    const byIndex = new Map<number, Array<Record<string, Loose>>>();
    for (const delta of deltas)
      byIndex.set(delta.index, [...(byIndex.get(delta.index) ?? []), delta]);
    expect([...byIndex.keys()]).toEqual([0, 1]);
    for (const parts of byIndex.values()) {
      const [first, ...rest] = parts;
      expect(first).toMatchObject({
        type: 'function',
        function: { name: 'get_weather', arguments: '' },
      });
      expect(first?.id).toMatch(/^call_/);
      expect(rest.length).toBeGreaterThan(1);
      expect(rest.every((part) => part.id === undefined && part.function.name === undefined)).toBe(
        true,
      );
      expect(JSON.parse(rest.map((part) => part.function.arguments).join('')).city).toMatch(
        /Paris|Tokyo/,
      );
    }
    const chunks = await chunksOf(text);
    expect(chunks.at(-1)?.choices[0].finish_reason).toBe('tool_calls');
  });

  it('uses tool results in its answer', async () => {
    const { json } = await postChat(emulator.url, {
      model: 'm',
      tools: [weather],
      messages: [
        user('Weather in Paris?'),
        {
          role: 'assistant',
          content: null,
          tool_calls: [
            {
              id: 'call_1',
              type: 'function',
              function: { name: 'get_weather', arguments: '{"city":"Paris"}' },
            },
          ],
        },
        { role: 'tool', tool_call_id: 'call_1', content: '{"temperature":21,"sky":"clear"}' },
      ],
    });
    const choice = (json as Record<string, Loose>).choices[0];
    expect(choice.finish_reason).toBe('stop');
    expect(choice.message.content).toBe("It's 21 degrees and clear in Paris.");
  });
});
