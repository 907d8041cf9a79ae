import { type ChatwireClient, createClient } from '@chatwire/core';
import {
  type ChatCompletionsFetchHandlerOptions,
  type ChatFinishInfo,
  createChatCompletionsFetchHandler,
} from '@chatwire/core/server';
import { type Emulator, startEmulator } from '@chatwire/emulator';
import { startCountingUpstream } from '@chatwire/endpoint-contract';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import {
  chatPost,
  joinedContent,
  LONG_QUESTION,
  MODEL,
  QUESTION,
  readEvents,
  SERVER_KEY,
} from './support/chat-requests.js';

const URL = 'http://127.0.0.1/api/chat';

let emulator: Emulator;
let client: ChatwireClient;

beforeAll(async () => {
  emulator = await startEmulator();
  client = createClient({ baseURL: emulator.url, apiKey: SERVER_KEY, maxRetries: 0 });
});

afterAll(async () => {
  await client?.close();
  await emulator?.close();
});

/** A fetch handler calling the emulator, with `options` besides; closed after the test. */
function handlerWith(options: ChatCompletionsFetchHandlerOptions = {}) {
  const handler = createChatCompletionsFetchHandler({ client, defaultModel: MODEL, ...options });
  onTestFinished(() => handler.close());
  return (init: RequestInit) => handler(new Request(URL, init));
}

/** A body stream that notes whether anything read it, and never ends. */
function watchedBody(): { body: ReadableStream<Uint8Array>; readonly pulled: boolean } {
  let pulled = false;
  // No high-water mark: the stream asks for data only when something reads it.
  const body = new ReadableStream<Uint8Array>(
    {
      pull() {
        pulled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return {
    body,
    get pulled() {
      return pulled;
    },
  };
}

const upstreamCalls = (traceId: string) =>
  emulator.requests.filter((request) => request.headers['x-portkey-trace-id'] === traceId);

describe('createChatCompletionsFetchHandler: the request', () => {
  it('never reads a body whose declared length is over the limit', async () => {
    const send = handlerWith({ bodyLimit: 1000 });
    const watched = watchedBody();
    const { init } = chatPost('', { 'content-length': '1001' });
    const response = await send({ ...init, body: watched.body, duplex: 'half' } as RequestInit);
    expect(response.status).toBe(413);
    expect((await response.json()).error.message).toBe(
      'The request body is larger than 1000 bytes.',
    );
    expect(watched.pulled).toBe(false);
  });

  it('refuses a body not sent as JSON with 415, before reading it', async () => {
    const send = handlerWith();
    const watched = watchedBody();
    const { init } = chatPost('', { 'content-type': 'text/plain' });
    const response = await send({ ...init, body: watched.body, duplex: 'half' } as RequestInit);
    expect(response.status).toBe(415);
    expect((await response.json()).error.code).toBe('unsupported_media_type');
    expect(watched.pulled).toBe(false);
  });

  it('refuses a method other than POST with 405 and Allow: POST', async () => {
    const response = await handlerWith()({ method: 'PUT' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
    expect((await response.json()).error.code).toBe('method_not_allowed');
  });

  it('answers 408 when the body has not arrived within bodyTimeoutMs', async () => {
    const send = handlerWith({ bodyTimeoutMs: 100 });
    const { init } = chatPost('');
    const response = await send({
      ...init,
      body: watchedBody().body,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(408);
    expect((await response.json()).error.code).toBe('request_timeout');
  });

  it('answers 408 when a body of declared length has not arrived within bodyTimeoutMs', async () => {
    const send = handlerWith({ bodyTimeoutMs: 100 });
    const { init } = chatPost('', { 'content-length': '500' });
    const response = await send({
      ...init,
      body: watchedBody().body,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(408);
    expect((await response.json()).error.code).toBe('request_timeout');
  });

  it('refuses with 413 a body built in code that is longer than it declares', async () => {
    const send = handlerWith({ bodyLimit: 1000 });
    const { init } = chatPost(JSON.stringify({ messages: QUESTION, pad: 'x'.repeat(2000) }), {
      'content-length': '900',
    });
    const response = await send(init);
    expect(response.status).toBe(413);
    expect((await response.json()).error.code).toBe('request_too_large');
  });

  it('refuses a body nested deeper than maxJsonDepth with 400 json_too_deep', async () => {
    const send = handlerWith({ maxJsonDepth: 8 });
    const deep = `{"messages": ${'['.repeat(20)}${']'.repeat(20)}}`;
    const { init, traceId } = chatPost(deep);
    const response = await send(init);
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe('json_too_deep');
    expect(upstreamCalls(traceId)).toEqual([]);
  });

  it('refuses a body the policy does not allow with 400 naming the field', async () => {
    const { init } = chatPost({ messages: QUESTION, model: 'gpt-5-expensive' });
    const response = await handlerWith()(init);
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatchObject({
      code: 'model_not_allowed',
      param: 'model',
    });
  });
});

describe('createChatCompletionsFetchHandler: the answer', () => {
  it("answers a request that is not streamed with the completion and Portkey's headers", async () => {
    const { init, traceId } = chatPost({ messages: QUESTION });
    const response = await handlerWith()(init);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('x-portkey-trace-id')).toBe(traceId);
    expect(response.headers.get('x-portkey-span-id')).toMatch(/^[0-9a-f]{16}$/);
    expect(response.headers.get('access-control-expose-headers')).toContain('x-portkey-trace-id');
    const completion = await response.json();
    expect(completion.object).toBe('chat.completion');
    expect(completion.choices[0].message.content).toContain('tallest mountain');
  });

  it('aborts the upstream when the request signal aborts mid-stream', async () => {
    const leave = new AbortController();
    const { init, traceId } = chatPost({ messages: LONG_QUESTION, stream: true });
    const send = handlerWith({
      portkeyOptions: () => ({ headers: { 'x-emulator-token-delay-ms': '20' } }),
    });
    const response = await send({ ...init, signal: leave.signal });
    const reader = response.body!.getReader();
    expect((await reader.read()).done).toBe(false);
    leave.abort();
    const call = await emulator.waitForRequest(
      (request) => request.headers['x-portkey-trace-id'] === traceId && request.aborted,
    );
    expect(call.aborted).toBe(true);
  });

  it("aborts the upstream when the answer's stream is cancelled", async () => {
    const { init, traceId } = chatPost({ messages: LONG_QUESTION, stream: true });
    const send = handlerWith({
      portkeyOptions: () => ({ headers: { 'x-emulator-token-delay-ms': '20' } }),
    });
    const response = await send(init);
    const reader = response.body!.getReader();
    expect((await reader.read()).done).toBe(false);
    await reader.cancel();
    const call = await emulator.waitForRequest(
      (request) => request.headers['x-portkey-trace-id'] === traceId && request.aborted,
    );
    expect(call.aborted).toBe(true);
  });

  it('sends keep-alive comments while the upstream is silent', async () => {
    const send = handlerWith({
      keepAliveMs: 40,
      portkeyOptions: () => ({ headers: { 'x-emulator-token-delay-ms': '150' } }),
    });
    const { init } = chatPost({ messages: QUESTION, max_tokens: 4, stream: true });
    const text = await (await send(init)).text();
    expect(text).toContain(': keep-alive\n\n');
    expect(text.trimEnd().endsWith('data: [DONE]')).toBe(true);
  });

  it('holds the upstream back while the client does not read, then delivers everything', async () => {
    const upstream = await startCountingUpstream(20_000);
    onTestFinished(() => upstream.close());
    const slowClient = createClient({ baseURL: upstream.url, apiKey: SERVER_KEY, maxRetries: 0 });
    onTestFinished(() => slowClient.close());
    const send = handlerWith({ client: slowClient });
    const response = await send(chatPost({ messages: QUESTION, stream: true }).init);
    const reader = response.body!.getReader();
    await reader.read();
    // Give every buffer between the upstream and the idle reader time to fill.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(upstream.sent).toBeLessThan(upstream.eventCount / 2);
    let received = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      received += value.byteLength;
    }
    expect(upstream.sent).toBe(upstream.eventCount);
    expect(received).toBeGreaterThan(upstream.eventCount * 1000);
  });
});

describe('createChatCompletionsFetchHandler: the hooks', () => {
  it('hands the hooks the Request, and headers set on context.response reach the answer', async () => {
    const finished: ChatFinishInfo<Request, Headers>[] = [];
    const send = handlerWith({
      allowedModels: (model, request) => model === MODEL && request.headers.get('x-plan') === 'pro',
      onRequest: (context) => {
        context.response.set('x-session-note', `seen ${context.request.method}`);
        return undefined;
      },
      portkeyOptions: (request) => ({ metadata: { _user: request.headers.get('x-user') ?? '' } }),
      onFinish: (info) => {
        finished.push(info);
      },
    });
    const headers = { 'x-plan': 'pro', 'x-user': 'ada' };
    const { init, traceId } = chatPost({ messages: QUESTION, model: MODEL, stream: true }, headers);
    const response = await send(init);
    expect(response.headers.get('x-session-note')).toBe('seen POST');
    const events = await readEvents(response);
    expect(joinedContent(events)).toContain('tallest mountain');
    expect(JSON.parse(upstreamCalls(traceId)[0]!.headers['x-portkey-metadata']!)).toEqual({
      _user: 'ada',
    });
    await expect.poll(() => finished.length).toBe(1);
    expect(finished[0]).toMatchObject({ traceId, stopReason: 'completed', aborted: false });
    expect(finished[0]?.usage?.total_tokens).toBeGreaterThan(0);
    expect(finished[0]?.context.request).toBeInstanceOf(Request);

    const refused = await send(chatPost({ messages: QUESTION, model: MODEL }).init);
    expect(refused.status).toBe(400);
    expect((await refused.json()).error.code).toBe('model_not_allowed');
  });

  it('answers with the denial onRequest returns, without calling the upstream', async () => {
    const send = handlerWith({
      onRequest: ({ request }) =>
        request.headers.get('authorization') === null
          ? { status: 401, message: 'Sign in first.', code: 'signed_out' }
          : undefined,
    });
    const { init, traceId } = chatPost({ messages: QUESTION });
    const response = await send(init);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error: {
        message: 'Sign in first.',
        type: 'invalid_request_error',
        param: null,
        code: 'signed_out',
      },
    });
    expect(upstreamCalls(traceId)).toEqual([]);
  });
});
