import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import type { ChatwireClient } from '../../src/client/index.js';
import {
  InvalidOptionError,
  ToolArgumentsError,
  ToolRoundLimitError,
} from '../../src/errors/index.js';
import {
  defineTool,
  type RunnableTool,
  runTools,
  type ToolResultEvent,
} from '../../src/tools/index.js';
import type {
  ChatCompletionMessageParam,
  ChatCompletionToolMessageParam,
} from '../../src/types/index.js';
import {
  clientOf,
  type FakeAnswer,
  type FakeModel,
  type OpenAIWireServer,
  type ReceivedRequest,
  startOpenAIWireServer,
} from '../support/openai-wire-server.js';

let server: OpenAIWireServer | undefined;

async function start(answer: FakeModel): Promise<ChatwireClient> {
  server = await startOpenAIWireServer(answer);
  return clientOf(server);
}

function lastMessage(request: ReceivedRequest): ChatCompletionMessageParam | undefined {
  return request.body.messages.at(-1);
}

/** Answers tool results with their contents joined, and anything else with `calls`. */
function model(calls: FakeAnswer['toolCalls']) {
  return (request: ReceivedRequest): FakeAnswer => {
    const last = lastMessage(request);
    if (last?.role !== 'tool') return { toolCalls: calls };
    const results = request.body.messages.filter(
      (message): message is ChatCompletionToolMessageParam => message.role === 'tool',
    );
    return { content: results.map((message) => message.content).join(' | ') };
  };
}

function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

/** Resolves after `count` turns of the event loop: a bounded wait that involves no clock. */
async function turns(count: number): Promise<void> {
  for (let i = 0; i < count; i++) await new Promise((done) => setImmediate(done));
}

const weather = defineTool({
  name: 'get_current_weather',
  description: 'The current weather in a city',
  parameters: z.object({
    location: z.string(),
    unit: z.enum(['celsius', 'fahrenheit']).default('celsius'),
  }),
  run: ({ location, unit }) => ({ location, unit, temperature: 21 }),
});

describe('runTools', () => {
  it('runs the tools the model calls, sends the results back and returns the answer', async () => {
    const api = await start(
      model([{ id: 'call_1', name: 'get_current_weather', arguments: '{"location":"Paris"}' }]),
    );
    const result = await runTools(
      api,
      { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Weather in Paris?' }] },
      { tools: [weather] },
    );
    const expectedResult = '{"location":"Paris","unit":"celsius","temperature":21}';
    expect(result.completion.choices[0]?.message.content).toBe(expectedResult);
    expect(result.completions).toHaveLength(2);
    expect(result.messages.map((message) => message.role)).toEqual([
      'user',
      'assistant',
      'tool',
      'assistant',
    ]);
    expect(result.messages[2]).toEqual({
      role: 'tool',
      tool_call_id: 'call_1',
      content: expectedResult,
    });
    expect(result.messages[3]).toMatchObject({ role: 'assistant', content: expectedResult });
  });

  it('sends a zod schema as JSON Schema and parses the arguments with it', async () => {
    const api = await start(
      model([{ id: 'call_1', name: 'get_current_weather', arguments: '{"location":"Oslo"}' }]),
    );
    const seen: unknown[] = [];
    const tool = defineTool({
      ...weather,
      run: (args) => {
        seen.push(args);
        return 'ok';
      },
    });
    await runTools(
      api,
      { model: 'm', messages: [{ role: 'user', content: 'hi' }] },
      { tools: [tool] },
    );
    const sent = server!.requests[0]!.body.tools?.[0]?.function;
    expect(sent?.name).toBe('get_current_weather');
    expect(sent?.description).toBe('The current weather in a city');
    expect(sent?.parameters).toMatchObject({
      type: 'object',
      properties: { location: { type: 'string' }, unit: { enum: ['celsius', 'fahrenheit'] } },
      required: ['location'],
    });
    expect(sent?.parameters).not.toHaveProperty('$schema');
    expect(seen).toEqual([{ location: 'Oslo', unit: 'celsius' }]);
  });

  it('passes JSON Schema parameters through and gives run the parsed JSON', async () => {
    const api = await start(model([{ id: 'c', name: 'echo', arguments: '{"text":"hey","n":2}' }]));
    const parameters = {
      type: 'object',
      properties: { text: { type: 'string' }, n: { type: 'integer' } },
      required: ['text'],
    };
    const echo = defineTool<{ text: string; n: number }>({
      name: 'echo',
      parameters,
      run: ({ text, n }) => text.repeat(n),
    });
    const result = await runTools(
      api,
      { model: 'm', messages: [{ role: 'user', content: 'echo' }] },
      { tools: [echo] },
    );
    expect(server!.requests[0]!.body.tools?.[0]?.function.parameters).toEqual(parameters);
    expect(result.completion.choices[0]?.message.content).toBe('heyhey');
  });

  it('runs the calls of one answer concurrently', async () => {
    const api = await start(
      model([
        { id: 'call_a', name: 'slow_a', arguments: '{}' },
        { id: 'call_b', name: 'slow_b', arguments: '{}' },
      ]),
    );
    const log: string[] = [];
    const started = { a: deferred(), b: deferred() };
    const slow = (name: 'a' | 'b', other: 'a' | 'b'): RunnableTool => ({
      name: `slow_${name}`,
      parameters: { type: 'object', properties: {} },
      async run() {
        log.push(`start ${name}`);
        started[name].resolve();
        // Each waits for the other to start; run one after the other, the wait gives up.
        await Promise.race([started[other].promise, turns(50)]);
        log.push(`end ${name}`);
        return name;
      },
    });
    const result = await runTools(
      api,
      { model: 'm', messages: [{ role: 'user', content: 'go' }] },
      { tools: [slow('a', 'b'), slow('b', 'a')] },
    );
    expect(log.slice(0, 2).sort()).toEqual(['start a', 'start b']);
    expect(log).toHaveLength(4);
    // The results go back in the order of the calls.
    expect(result.messages.slice(2, 4)).toEqual([
      { role: 'tool', tool_call_id: 'call_a', content: 'a' },
      { role: 'tool', tool_call_id: 'call_b', content: 'b' },
    ]);
  });

  it('tells the model about failed calls instead of throwing', async () => {
    const api = await start(
      model([
        { id: 'unknown', name: 'no_such_tool', arguments: '{}' },
        { id: 'bad_json', name: 'get_current_weather', arguments: '{"location": Par' },
        { id: 'invalid', name: 'get_current_weather', arguments: '{"location": 42}' },
        { id: 'throws', name: 'explode', arguments: '' },
      ]),
    );
    const explode: RunnableTool = {
      name: 'explode',
      parameters: { type: 'object', properties: {} },
      run() {
        throw new Error('the sensor is offline');
      },
    };
    const results: ToolResultEvent[] = [];
    const result = await runTools(
      api,
      { model: 'm', messages: [{ role: 'user', content: 'try' }] },
      { tools: [weather, explode], onToolResult: (event) => results.push(event) },
    );
    const byId = new Map(
      result.messages
        .filter((message): message is ChatCompletionToolMessageParam => message.role === 'tool')
        .map((message) => [message.tool_call_id, String(message.content)]),
    );
    expect(byId.get('unknown')).toMatch(/^Error: There is no tool named "no_such_tool"/);
    expect(byId.get('unknown')).toContain('get_current_weather, explode');
    expect(byId.get('bad_json')).toMatch(
      /^Error: The arguments of get_current_weather are not valid JSON/,
    );
    expect(byId.get('invalid')).toMatch(
      /^Error: The arguments of get_current_weather do not match/,
    );
    expect(byId.get('invalid')).toContain('location');
    expect(byId.get('throws')).toBe('Error: the sensor is offline');
    // The model saw all four errors in the second request.
    expect(
      server!.requests[1]!.body.messages.filter((message) => message.role === 'tool'),
    ).toHaveLength(4);
    expect(results.filter((event) => event.error instanceof ToolArgumentsError)).toHaveLength(3);
    expect(results.find((event) => event.toolCall.id === 'throws')?.error).toBeInstanceOf(Error);
  });

  it('stops at maxRounds with ToolRoundLimitError, without running the last calls', async () => {
    const api = await start(() => ({
      toolCalls: [{ id: 'again', name: 'get_current_weather', arguments: '{"location":"Rome"}' }],
    }));
    let runs = 0;
    const counted = defineTool({
      ...weather,
      run: () => {
        runs++;
        return 'still sunny';
      },
    });
    const thrown = await runTools(
      api,
      { model: 'm', messages: [{ role: 'user', content: 'loop' }] },
      { tools: [counted], maxRounds: 3 },
    ).catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(ToolRoundLimitError);
    const limit = thrown as ToolRoundLimitError;
    expect(limit.maxRounds).toBe(3);
    expect(server!.requests).toHaveLength(3);
    expect(runs).toBe(2);
    expect(limit.messages.at(-1)).toMatchObject({
      role: 'assistant',
      tool_calls: [{ id: 'again' }],
    });
    expect(limit.completion.choices[0]?.finish_reason).toBe('tool_calls');
  });

  it('forces a tool call in the first round only', async () => {
    const api = await start(
      model([{ id: 'c', name: 'get_current_weather', arguments: '{"location":"Lima"}' }]),
    );
    await runTools(
      api,
      {
        model: 'm',
        messages: [{ role: 'user', content: 'weather' }],
        tool_choice: { type: 'function', function: { name: 'get_current_weather' } },
      },
      { tools: [weather] },
    );
    expect(server!.requests.map((request) => request.body.tool_choice)).toEqual([
      { type: 'function', function: { name: 'get_current_weather' } },
      'auto',
    ]);
  });

  it('sends the per-request options with every round', async () => {
    const api = await start(
      model([{ id: 'c', name: 'get_current_weather', arguments: '{"location":"Kyiv"}' }]),
    );
    await runTools(
      api,
      { model: 'm', messages: [{ role: 'user', content: 'weather' }] },
      { tools: [weather], traceId: 'tools-trace', metadata: { _user: 'u-1' } },
    );
    expect(server!.requests.map((request) => request.headers['x-portkey-trace-id'])).toEqual([
      'tools-trace',
      'tools-trace',
    ]);
    expect(JSON.parse(String(server!.requests[1]!.headers['x-portkey-metadata']))).toEqual({
      _user: 'u-1',
    });
  });

  it('refuses a maxRounds below 1 and tools with the same name', async () => {
    const api = await start(() => ({ content: 'unused' }));
    const body = { model: 'm', messages: [{ role: 'user' as const, content: 'x' }] };
    await expect(runTools(api, body, { tools: [weather], maxRounds: 0 })).rejects.toBeInstanceOf(
      InvalidOptionError,
    );
    await expect(runTools(api, body, { tools: [weather, weather] })).rejects.toBeInstanceOf(
      InvalidOptionError,
    );
    expect(server!.requests).toHaveLength(0);
  });
});
