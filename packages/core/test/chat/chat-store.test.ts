import { describe, expect, it } from 'vitest';
import { ChatStore, type ChatStoreOptions } from '../../src/chat/index.js';
import { APIConnectionError, APIError, StreamTruncatedError } from '../../src/errors/index.js';
import {
  chunk,
  createGate,
  type OpenAISSEServer,
  openStream,
  type Responder,
  SPAN_ID,
  startTestSSEServer,
  writeAnswer,
  writeEvent,
  writeToolCallAnswer,
} from './openai-sse-server.js';
import { waitForState } from './wait-for-state.js';

let server: OpenAISSEServer | undefined;

async function storeFor(respond: Responder, options: ChatStoreOptions = {}): Promise<ChatStore> {
  server = await startTestSSEServer(respond);
  return new ChatStore({ api: server.url, throttleMs: 0, ...options });
}

describe('ChatStore streaming', () => {
  it('grows the answer chunk by chunk and records usage, trace id and cache status', async () => {
    const gate = createGate();
    const store = await storeFor(async (_request, response) => {
      openStream(response, 'trace-abc');
      writeEvent(response, chunk({ role: 'assistant', content: 'Hel' }));
      await gate.wait;
      writeEvent(response, chunk({ content: 'lo!' }));
      writeEvent(response, chunk({}, 'stop'));
      writeEvent(response, {
        ...chunk({}),
        choices: [],
        usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 },
      });
      writeEvent(response, '[DONE]');
    });
    const done = store.send('Hi');
    expect(store.getSnapshot().status).toBe('submitted');

    const midway = await waitForState(store, (state) => state.status === 'streaming');
    expect(midway.messages.map((m) => [m.role, m.content])).toEqual([
      ['user', 'Hi'],
      ['assistant', 'Hel'],
    ]);
    gate.open();
    await done;

    const final = store.getSnapshot();
    expect(final.status).toBe('idle');
    expect(final.messages[1]).toMatchObject({
      role: 'assistant',
      content: 'Hello!',
      finishReason: 'stop',
      traceId: 'trace-abc',
      spanId: SPAN_ID,
      cacheStatus: 'MISS',
      model: 'gpt-test',
      usage: { total_tokens: 5 },
    });
    expect(final.messages[1]?.partial).toBeUndefined();
    expect(final.messages[1]?.latencyMs).toBeGreaterThanOrEqual(0);
    expect(final).toMatchObject({
      traceId: 'trace-abc',
      cacheStatus: 'MISS',
      finishReason: 'stop',
    });
    expect(final.usage?.total_tokens).toBe(5);
  });

  it('posts the converted conversation with the body and headers of the store and the call', async () => {
    const store = await storeFor(
      (_request, response) => {
        openStream(response);
        writeAnswer(response, ['ok']);
      },
      { body: { model: 'gpt-4o-mini', temperature: 0 }, headers: { 'x-team': 'a' } },
    );
    await store.send('Hello', { body: { temperature: 1 }, headers: { 'x-call': 'b' } });
    const request = server!.requests[0]!;
    expect(request.body).toMatchObject({
      model: 'gpt-4o-mini',
      temperature: 1,
      stream: true,
      messages: [{ role: 'user', content: 'Hello' }],
    });
    expect(request.headers['x-team']).toBe('a');
    expect(request.headers['x-call']).toBe('b');
    expect(request.headers['content-type']).toBe('application/json');
  });

  it('calls a custom fetch bound to globalThis', async () => {
    const receivers: unknown[] = [];
    const store = await storeFor(
      (_request, response) => {
        openStream(response);
        writeAnswer(response, ['bound']);
      },
      {
        fetch: function (this: unknown, input, init) {
          receivers.push(this);
          return fetch(input, init);
        } as typeof fetch,
      },
    );
    await store.send('Hi');
    expect(receivers).toEqual([globalThis]);
    expect(store.getSnapshot().messages[1]?.content).toBe('bound');
  });

  it('sends images as image_url parts for vision models', async () => {
    const store = await storeFor((_request, response) => {
      openStream(response);
      writeAnswer(response, ['A cat.']);
    });
    const dataURL = 'data:image/png;base64,iVBORw0KGgo=';
    await store.send({ text: 'What is this?', images: [dataURL, 'https://example.com/b.png'] });
    expect(server!.requests[0]!.body.messages).toEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'What is this?' },
          { type: 'image_url', image_url: { url: dataURL } },
          { type: 'image_url', image_url: { url: 'https://example.com/b.png' } },
        ],
      },
    ]);
    expect(store.getSnapshot().messages[0]?.images).toHaveLength(2);
  });

  it('calls onChunk for every chunk and onFinish once with the message and trace id', async () => {
    const chunks: unknown[] = [];
    const finished: unknown[] = [];
    const store = await storeFor(
      (_request, response) => {
        openStream(response, 'trace-finish');
        writeAnswer(response, ['a', 'b', 'c']);
      },
      {
        onChunk: (c) => chunks.push(c),
        onFinish: ({ message, usage, traceId }) =>
          finished.push({ content: message.content, total: usage?.total_tokens, traceId }),
      },
    );
    await store.send('Hi');
    expect(chunks).toHaveLength(6);
    expect(finished).toEqual([{ content: 'abc', total: 13, traceId: 'trace-finish' }]);
  });
});

describe('ChatStore errors', () => {
  it.each([
    ['the OpenAI shape', { error: { message: 'model not found', type: 'invalid_request_error' } }],
    ['the gateway shape', { status: 'failure', message: 'model not found' }],
  ])('keeps an HTTP error in %s as a value with its message', async (_shape, body) => {
    const errors: Error[] = [];
    const store = await storeFor(
      (_request, response) => {
        response.writeHead(404, { 'content-type': 'application/json' });
        response.end(JSON.stringify(body));
      },
      { onError: (error) => errors.push(error) },
    );
    await store.send('Hi');
    const state = store.getSnapshot();
    expect(state.status).toBe('error');
    expect(state.error).toBeInstanceOf(APIError);
    expect((state.error as APIError).status).toBe(404);
    expect(state.error?.message).toContain('model not found');
    expect(errors).toEqual([state.error]);
    expect(state.messages).toHaveLength(1);
  });

  it('reports a 5xx answer with a plain-text body', async () => {
    const store = await storeFor((_request, response) => {
      response.writeHead(502);
      response.end('bad gateway');
    });
    await store.send('Hi');
    expect((store.getSnapshot().error as APIError).status).toBe(502);
    expect(store.getSnapshot().error?.message).toContain('bad gateway');
  });

  it('keeps the partial answer when an error event arrives mid-stream', async () => {
    const store = await storeFor((_request, response) => {
      openStream(response);
      writeEvent(response, chunk({ role: 'assistant', content: 'Half an ' }));
      writeEvent(response, chunk({ content: 'answer' }));
      writeEvent(
        response,
        { error: { message: 'upstream failed', type: 'server_error' } },
        'error',
      );
    });
    await store.send('Hi');
    const state = store.getSnapshot();
    expect(state.status).toBe('error');
    expect(state.error?.message).toContain('upstream failed');
    expect(state.messages[1]).toMatchObject({
      content: 'Half an answer',
      partial: true,
      error: state.error?.message,
    });
  });

  it('reports a stream that ends without [DONE] and without finish_reason as truncated', async () => {
    const store = await storeFor((_request, response) => {
      openStream(response);
      writeEvent(response, chunk({ role: 'assistant', content: 'Cut ' }));
      writeEvent(response, chunk({ content: 'off' }));
    });
    await store.send('Hi');
    const state = store.getSnapshot();
    expect(state.error).toBeInstanceOf(StreamTruncatedError);
    expect(
      (state.error as StreamTruncatedError).partialCompletion.choices[0]?.message.content,
    ).toBe('Cut off');
    expect(state.messages[1]).toMatchObject({ content: 'Cut off', partial: true });
  });

  it('accepts a stream that has a finish_reason but no [DONE]', async () => {
    const store = await storeFor((_request, response) => {
      openStream(response);
      writeEvent(response, chunk({ role: 'assistant', content: 'Whole' }));
      writeEvent(response, chunk({}, 'stop'));
    });
    await store.send('Hi');
    expect(store.getSnapshot()).toMatchObject({ status: 'idle', error: undefined });
  });

  it('turns a refused connection into an APIConnectionError in the state', async () => {
    const store = await storeFor(() => {});
    await server!.close();
    await store.send('Hi');
    expect(store.getSnapshot().status).toBe('error');
    expect(store.getSnapshot().error).toBeInstanceOf(APIConnectionError);
  });

  it('keeps no trace id, usage or finish reason of an earlier answer next to a new error', async () => {
    let calls = 0;
    const store = await storeFor((_request, response) => {
      calls++;
      if (calls === 1) {
        openStream(response, 'trace-ok');
        writeAnswer(response, ['fine']);
        return;
      }
      response.writeHead(500, {
        'content-type': 'application/json',
        'x-portkey-trace-id': 'trace-failed',
      });
      response.end(JSON.stringify({ error: { message: 'upstream down' } }));
    });
    await store.send('Hi');
    expect(store.getSnapshot()).toMatchObject({ traceId: 'trace-ok', finishReason: 'stop' });
    expect(store.getSnapshot().usage).toBeDefined();

    await store.send('Again');
    const state = store.getSnapshot();
    expect(state.status).toBe('error');
    expect(state).toMatchObject({
      traceId: 'trace-failed',
      usage: undefined,
      finishReason: undefined,
      cacheStatus: undefined,
    });

    await server!.close();
    await store.send('Once more');
    expect(store.getSnapshot().error).toBeInstanceOf(APIConnectionError);
    expect(store.getSnapshot().traceId).toBeUndefined();
  });

  it('clears the error and retries the same conversation', async () => {
    let calls = 0;
    const store = await storeFor((_request, response) => {
      calls++;
      if (calls === 1) {
        response.writeHead(500, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ error: { message: 'try again' } }));
        return;
      }
      openStream(response);
      writeAnswer(response, ['second time']);
    });
    await store.send('Hi');
    expect(store.getSnapshot().status).toBe('error');
    await store.retry();
    const state = store.getSnapshot();
    expect(state).toMatchObject({ status: 'idle', error: undefined });
    expect(state.messages.map((m) => m.content)).toEqual(['Hi', 'second time']);
    expect(server!.requests[1]!.body.messages).toEqual(server!.requests[0]!.body.messages);
  });
});

describe('ChatStore actions', () => {
  it('stops mid-stream: keeps the partial text, goes idle and aborts the request', async () => {
    const store = await storeFor(async (request, response) => {
      openStream(response);
      writeEvent(response, chunk({ role: 'assistant', content: 'Partial' }));
      await request.aborted;
    });
    const done = store.send('Hi');
    await waitForState(store, (state) => state.messages[1]?.content === 'Partial');
    store.stop();
    expect(store.getSnapshot().status).toBe('idle');
    await server!.requests[0]!.aborted;
    await done;
    const state = store.getSnapshot();
    expect(state).toMatchObject({ status: 'idle', error: undefined });
    expect(state.messages[1]).toMatchObject({ content: 'Partial', partial: true });
    expect(state.messages[1]?.error).toBeUndefined();
  });

  it('submits the input with images and request options, clears it, and skips blank input', async () => {
    const store = await storeFor((_request, response) => {
      openStream(response);
      writeAnswer(response, ['Seen.']);
    });
    store.setInput('   ');
    await store.submit();
    expect(server!.requests).toHaveLength(0);
    expect(store.getSnapshot().messages).toHaveLength(0);

    store.setInput('Look');
    const done = store.submit({
      images: ['https://example.com/a.png'],
      headers: { 'x-submit': 'yes' },
      body: { temperature: 0 },
    });
    expect(store.getSnapshot().input).toBe('');
    await done;
    const request = server!.requests[0]!;
    expect(request.headers['x-submit']).toBe('yes');
    expect(request.body).toMatchObject({
      temperature: 0,
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Look' },
            { type: 'image_url', image_url: { url: 'https://example.com/a.png' } },
          ],
        },
      ],
    });
  });

  it('connect() tells the listener of changes and aborts the request after the disconnect', async () => {
    const store = await storeFor(async (request, response) => {
      openStream(response);
      writeEvent(response, chunk({ role: 'assistant', content: 'Live' }));
      await request.aborted;
    });
    const statuses: string[] = [];
    const disconnect = store.connect(() => statuses.push(store.getSnapshot().status));
    const done = store.send('Hi');
    await waitForState(store, (state) => state.status === 'streaming');
    disconnect();
    await server!.requests[0]!.aborted;
    await done;
    expect(statuses).toContain('submitted');
    expect(statuses).toContain('streaming');
    expect(statuses).not.toContain('idle');
    expect(store.getSnapshot().messages[1]).toMatchObject({ content: 'Live', partial: true });
  });

  it('merges identical sends of one synchronous turn, but not sends with other headers', async () => {
    const store = await storeFor((_request, response) => {
      openStream(response);
      writeAnswer(response, ['ok']);
    });
    const first = store.send('Hi', { headers: { 'x-variant': 'a' } });
    const same = store.send('Hi', { headers: { 'x-variant': 'a' } });
    expect(same).toBe(first);
    expect(store.getSnapshot().messages).toHaveLength(1);

    const other = store.send('Hi', { headers: { 'x-variant': 'b' } });
    await Promise.all([first, other]);
    const users = store.getSnapshot().messages.filter((m) => m.role === 'user');
    expect(users).toHaveLength(2);
    expect(server!.requests.at(-1)?.headers['x-variant']).toBe('b');
  });

  it('regenerates the last answer from the same conversation', async () => {
    let answer = 0;
    const store = await storeFor((_request, response) => {
      answer++;
      openStream(response);
      writeAnswer(response, [`answer ${answer}`]);
    });
    await store.send('Hi');
    await store.regenerate();
    expect(store.getSnapshot().messages.map((m) => m.content)).toEqual(['Hi', 'answer 2']);
    expect(server!.requests[1]!.body.messages).toEqual([{ role: 'user', content: 'Hi' }]);
  });

  it('sends edited messages as the conversation', async () => {
    const store = await storeFor((_request, response) => {
      openStream(response);
      writeAnswer(response, ['ok']);
    });
    store.setMessages([{ id: 's', role: 'system', content: 'Be brief.' }]);
    store.setMessages((messages) => [...messages, { id: 'u', role: 'user', content: 'Hi' }]);
    await store.regenerate();
    expect(server!.requests[0]!.body.messages).toEqual([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'Hi' },
    ]);
  });

  it('aborts the request when the last user leaves', async () => {
    const store = await storeFor(async (request, response) => {
      openStream(response);
      writeEvent(response, chunk({ role: 'assistant', content: 'Hi' }));
      await request.aborted;
    });
    const releaseFirst = store.retain();
    const releaseSecond = store.retain();
    const done = store.send('Hi');
    await waitForState(store, (state) => state.status === 'streaming');
    releaseFirst();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(store.getSnapshot().status).toBe('streaming');
    releaseSecond();
    await server!.requests[0]!.aborted;
    await done;
    expect(store.getSnapshot().messages[1]).toMatchObject({ content: 'Hi', partial: true });
  });
});

describe('ChatStore tool calls', () => {
  it('runs onToolCall and sends the result back as a tool message', async () => {
    const seen: unknown[] = [];
    const store = await storeFor(
      (request, response) => {
        if (request.body.messages.length === 1) {
          writeToolCallAnswer(response, 'call_1', 'get_weather', ['{"city":', '"Paris"}']);
        } else {
          openStream(response);
          writeAnswer(response, ['It is sunny in Paris.']);
        }
      },
      {
        onToolCall: ({ toolCall, args }) => {
          seen.push([toolCall.name, args]);
          return { temperature: 21 };
        },
      },
    );
    await store.send('Weather in Paris?');
    expect(seen).toEqual([['get_weather', { city: 'Paris' }]]);
    expect(server!.requests[1]!.body.messages).toEqual([
      { role: 'user', content: 'Weather in Paris?' },
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
      { role: 'tool', tool_call_id: 'call_1', content: '{"temperature":21}' },
    ]);
    const state = store.getSnapshot();
    expect(state.status).toBe('idle');
    expect(state.messages[1]?.toolCalls).toEqual([
      {
        id: 'call_1',
        name: 'get_weather',
        arguments: '{"city":"Paris"}',
        status: 'done',
        result: { temperature: 21 },
      },
    ]);
    expect(state.messages[2]?.content).toBe('It is sunny in Paris.');
  });

  it('shows tool call arguments as they stream', async () => {
    const gate = createGate();
    const store = await storeFor(async (_request, response) => {
      openStream(response);
      writeEvent(
        response,
        chunk({
          role: 'assistant',
          tool_calls: [
            {
              index: 0,
              id: 'call_2',
              type: 'function',
              function: { name: 'f', arguments: '{"a"' },
            },
          ],
        }),
      );
      await gate.wait;
      writeEvent(response, chunk({ tool_calls: [{ index: 0, function: { arguments: ':1}' } }] }));
      writeEvent(response, chunk({}, 'tool_calls'));
      writeEvent(response, '[DONE]');
    });
    const done = store.send('Go');
    const midway = await waitForState(store, (state) => state.messages[1]?.toolCalls !== undefined);
    expect(midway.messages[1]?.toolCalls?.[0]).toMatchObject({
      arguments: '{"a"',
      status: 'streaming',
    });
    gate.open();
    await done;
    expect(store.getSnapshot().messages[1]?.toolCalls?.[0]).toMatchObject({
      arguments: '{"a":1}',
      status: 'ready',
    });
  });

  it('sends tool results back maxToolRounds times, then leaves the next calls unrun', async () => {
    let answers = 0;
    let runs = 0;
    const store = await storeFor(
      (_request, response) => {
        answers++;
        writeToolCallAnswer(response, `call_${answers}`, 'loop', ['{}']);
      },
      {
        onToolCall: () => {
          runs++;
          return 'again';
        },
        maxToolRounds: 2,
      },
    );
    await store.send('Loop forever');
    const state = store.getSnapshot();
    expect(server!.requests).toHaveLength(3);
    expect(runs).toBe(2);
    expect(state).toMatchObject({ status: 'idle', error: undefined });
    const answersShown = state.messages.filter((m) => m.role === 'assistant');
    expect(answersShown.map((m) => m.toolCalls?.[0]?.status)).toEqual(['done', 'done', 'ready']);
    expect(answersShown.map((m) => m.toolRoundLimitReached ?? false)).toEqual([false, false, true]);
  });

  it('sends the result back once with maxToolRounds: 1', async () => {
    const store = await storeFor(
      (request, response) => {
        if (request.body.messages.length === 1) {
          writeToolCallAnswer(response, 'call_once', 'lookup', ['{}']);
        } else {
          openStream(response);
          writeAnswer(response, ['Found it.']);
        }
      },
      { onToolCall: () => ({ found: true }), maxToolRounds: 1 },
    );
    await store.send('Look it up');
    expect(server!.requests).toHaveLength(2);
    expect(server!.requests[1]!.body.messages.at(-1)).toEqual({
      role: 'tool',
      tool_call_id: 'call_once',
      content: '{"found":true}',
    });
    expect(store.getSnapshot().messages.at(-1)?.content).toBe('Found it.');
  });

  it('never runs onToolCall with maxToolRounds: 0 and marks the answer', async () => {
    let runs = 0;
    const store = await storeFor(
      (_request, response) => writeToolCallAnswer(response, 'call_none', 'lookup', ['{}']),
      {
        onToolCall: () => {
          runs++;
          return 'unused';
        },
        maxToolRounds: 0,
      },
    );
    await store.send('Look it up');
    expect(runs).toBe(0);
    expect(server!.requests).toHaveLength(1);
    expect(store.getSnapshot().messages[1]).toMatchObject({
      toolRoundLimitReached: true,
      toolCalls: [{ id: 'call_none', status: 'ready' }],
    });
  });

  it('marks a running tool call stopped and aborts its signal on stop()', async () => {
    const signals: AbortSignal[] = [];
    const store = await storeFor(
      (request, response) => {
        if (request.body.messages.length === 1) {
          writeToolCallAnswer(response, 'call_slow', 'slow', ['{}']);
        } else {
          openStream(response);
          writeAnswer(response, ['Noted.']);
        }
      },
      {
        onToolCall: ({ signal }) => {
          signals.push(signal);
          return new Promise((resolve) => signal.addEventListener('abort', () => resolve('late')));
        },
      },
    );
    const done = store.send('Run it');
    await waitForState(store, (state) => state.messages[1]?.toolCalls?.[0]?.status === 'running');
    store.stop();
    await done;
    expect(signals).toHaveLength(1);
    expect(signals[0]!.aborted).toBe(true);
    const state = store.getSnapshot();
    expect(state.status).toBe('idle');
    expect(state.messages[1]?.toolCalls?.[0]).toMatchObject({
      status: 'error',
      error: expect.stringMatching(/stopped/i),
    });
    expect(server!.requests).toHaveLength(1);

    await store.send('Never mind');
    const sent = server!.requests[1]!.body.messages;
    expect(sent[2]).toEqual({
      role: 'tool',
      tool_call_id: 'call_slow',
      content: JSON.stringify({ error: state.messages[1]?.toolCalls?.[0]?.error }),
    });
    expect(store.getSnapshot().messages[1]?.toolCalls?.[0]?.status).toBe('error');
  });

  it('marks a running tool call stopped when the last user leaves', async () => {
    const signals: AbortSignal[] = [];
    const store = await storeFor(
      (_request, response) => writeToolCallAnswer(response, 'call_left', 'slow', ['{}']),
      {
        onToolCall: ({ signal }) => {
          signals.push(signal);
          return new Promise((resolve) => signal.addEventListener('abort', () => resolve('late')));
        },
      },
    );
    const release = store.retain();
    const done = store.send('Run it');
    await waitForState(store, (state) => state.messages[1]?.toolCalls?.[0]?.status === 'running');
    release();
    await waitForState(store, (state) => state.status === 'idle');
    await done;
    expect(signals[0]?.aborted).toBe(true);
    expect(store.getSnapshot().messages[1]?.toolCalls?.[0]?.status).toBe('error');
  });

  it('sends a result given later with addToolResult', async () => {
    const store = await storeFor((request, response) => {
      if (request.body.messages.length === 1) {
        writeToolCallAnswer(response, 'call_ui', 'confirm', ['{}']);
      } else {
        openStream(response);
        writeAnswer(response, ['Confirmed.']);
      }
    });
    await store.send('Delete it');
    expect(store.getSnapshot().messages[1]?.toolCalls?.[0]?.status).toBe('ready');
    expect(server!.requests).toHaveLength(1);
    await store.addToolResult('call_ui', 'yes');
    expect(server!.requests[1]!.body.messages.at(-1)).toEqual({
      role: 'tool',
      tool_call_id: 'call_ui',
      content: 'yes',
    });
    expect(store.getSnapshot().messages.at(-1)?.content).toBe('Confirmed.');
  });

  it('sends a failing tool back as an error result', async () => {
    const store = await storeFor(
      (request, response) => {
        if (request.body.messages.length === 1) writeToolCallAnswer(response, 'c', 'boom', ['{}']);
        else {
          openStream(response);
          writeAnswer(response, ['Sorry.']);
        }
      },
      {
        onToolCall: () => {
          throw new Error('tool broke');
        },
      },
    );
    await store.send('Try');
    expect(server!.requests[1]!.body.messages.at(-1)).toEqual({
      role: 'tool',
      tool_call_id: 'c',
      content: '{"error":"tool broke"}',
    });
    expect(store.getSnapshot().messages[1]?.toolCalls?.[0]).toMatchObject({
      status: 'error',
      error: 'tool broke',
    });
  });
});
