import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import type { ChatwireClient } from '../../src/client/index.js';
import { APIUserAbortError, ChatwireError, ToolRoundLimitError } from '../../src/errors/index.js';
import {
  defineTool,
  runToolsStream,
  type ToolCallEvent,
  type ToolResultEvent,
} from '../../src/tools/index.js';
import type { ChatCompletionChunk } from '../../src/types/index.js';
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

const weatherCall = {
  id: 'call_w',
  name: 'get_current_weather',
  arguments: '{"location":"Boston, MA","unit":"fahrenheit"}',
};

/** Calls the weather tool first, then answers with the tool's result in a sentence. */
function weatherModel(request: ReceivedRequest): FakeAnswer {
  const last = request.body.messages.at(-1);
  if (last?.role !== 'tool') return { toolCalls: [weatherCall] };
  return { content: `It is ${String(last.content)} in Boston.` };
}

const weather = defineTool({
  name: 'get_current_weather',
  parameters: z.object({ location: z.string(), unit: z.enum(['celsius', 'fahrenheit']) }),
  run: ({ unit }) => (unit === 'fahrenheit' ? '72°F' : '22°C'),
});

function textOf(chunks: ChatCompletionChunk[]): string {
  return chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('');
}

describe('runToolsStream', () => {
  it('yields the chunks of every round and reports the tool calls and results', async () => {
    const api = await start(weatherModel);
    const calls: ToolCallEvent[] = [];
    const results: ToolResultEvent[] = [];
    const run = runToolsStream(
      api,
      { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Weather in Boston?' }] },
      {
        tools: [weather],
        onToolCall: (event) => calls.push(event),
        onToolResult: (event) => results.push(event),
      },
    );
    const chunks: ChatCompletionChunk[] = [];
    for await (const chunk of run) chunks.push(chunk);
    const ids = new Set(chunks.map((chunk) => chunk.id));
    expect(ids.size).toBe(2);
    expect(chunks.some((chunk) => chunk.choices[0]?.delta.tool_calls !== undefined)).toBe(true);
    expect(textOf(chunks)).toBe('It is 72°F in Boston.');
    expect(calls).toEqual([
      {
        round: 1,
        toolCall: {
          id: 'call_w',
          type: 'function',
          function: { name: 'get_current_weather', arguments: weatherCall.arguments },
        },
      },
    ]);
    expect(results.map((event) => [event.round, event.message.content, event.error])).toEqual([
      [1, '72°F', undefined],
    ]);
    const result = await run.finalResult();
    expect(result.completion.choices[0]?.message.content).toBe('It is 72°F in Boston.');
    expect(result.messages.map((message) => message.role)).toEqual([
      'user',
      'assistant',
      'tool',
      'assistant',
    ]);
    expect(server!.requests.every((request) => request.body.stream === true)).toBe(true);
    expect(await run.finalText()).toBe('It is 72°F in Boston.');
  });

  it('runs the loop itself for finalResult() when nobody iterates', async () => {
    const api = await start(weatherModel);
    const run = runToolsStream(
      api,
      { model: 'm', messages: [{ role: 'user', content: 'Weather?' }] },
      { tools: [weather] },
    );
    expect((await run.finalChatCompletion()).choices[0]?.message.content).toBe(
      'It is 72°F in Boston.',
    );
    expect(() => run[Symbol.asyncIterator]()).toThrow(ChatwireError);
  });

  it.each([
    ['answers', weatherModel],
    ['fails', () => ({ toolCalls: [weatherCall] })],
  ] as const)("leaves no listener on the caller's signal once the loop %s", async (_, model) => {
    const api = await start(model);
    const controller = new AbortController();
    const listeners = new Set<unknown>();
    const { addEventListener, removeEventListener } = controller.signal;
    controller.signal.addEventListener = function (...args: Parameters<typeof addEventListener>) {
      listeners.add(args[1]);
      return addEventListener.apply(this, args);
    };
    controller.signal.removeEventListener = function (
      ...args: Parameters<typeof removeEventListener>
    ) {
      listeners.delete(args[1]);
      return removeEventListener.apply(this, args);
    };
    const run = runToolsStream(
      api,
      { model: 'm', messages: [{ role: 'user', content: 'Weather?' }] },
      { tools: [weather], maxRounds: 2, signal: controller.signal },
    );
    await run.finalResult().catch(() => undefined);
    expect(server!.requests.length).toBeGreaterThan(0);
    expect(listeners.size).toBe(0);
  });

  it('stops at maxRounds with ToolRoundLimitError', async () => {
    const api = await start(() => ({ toolCalls: [weatherCall] }));
    const run = runToolsStream(
      api,
      { model: 'm', messages: [{ role: 'user', content: 'loop' }] },
      { tools: [weather], maxRounds: 2 },
    );
    await expect(run.finalResult()).rejects.toBeInstanceOf(ToolRoundLimitError);
    expect(server!.requests).toHaveLength(2);
  });

  it('aborts the request in flight and the tools', async () => {
    const api = await start(weatherModel);
    let toolSignal: AbortSignal | undefined;
    const waiting = defineTool({
      ...weather,
      run: (_args, context) => {
        toolSignal = context.signal;
        run.abort();
        return 'never sent';
      },
    });
    const run = runToolsStream(
      api,
      { model: 'm', messages: [{ role: 'user', content: 'Weather?' }] },
      { tools: [waiting] },
    );
    const chunks: ChatCompletionChunk[] = [];
    const thrown = await (async () => {
      for await (const chunk of run) chunks.push(chunk);
    })().catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(APIUserAbortError);
    expect(toolSignal?.aborted).toBe(true);
    expect(server!.requests).toHaveLength(1);
    await expect(run.finalResult()).rejects.toBe(thrown);
  });

  it('ends the loop when the reader leaves early', async () => {
    const api = await start(weatherModel);
    const run = runToolsStream(
      api,
      { model: 'm', messages: [{ role: 'user', content: 'Weather?' }] },
      { tools: [weather] },
    );
    for await (const _chunk of run) break;
    expect(run.controller.signal.aborted).toBe(true);
    await expect(run.finalResult()).rejects.toBeInstanceOf(APIUserAbortError);
    expect(server!.requests).toHaveLength(1);
  });
});
