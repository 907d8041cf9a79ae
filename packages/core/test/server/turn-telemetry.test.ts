import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type ChatwireClient, createClient } from '../../src/client/index.js';
import {
  type ChatCompletionsHandlerOptions,
  createChatCompletionsFetchHandler,
  createChatCompletionsHandler,
  MemoryTurnStore,
} from '../../src/server/index.js';
import { chunkEvent, completionBody } from '../support/fixtures.js';
import { sendJSON, sendStream } from '../support/responses.js';
import { recordTelemetry, type TelemetryRecorder } from '../support/telemetry-recorder.js';
import { startServer, type TestServer } from '../support/test-server.js';

const browserTrace = '4bf92f3577b34da6a3ce929d0e0e4736';
const browserSpan = '00f067aa0ba902b7';
const servers: Server[] = [];
let recorder: TelemetryRecorder;
let upstream: TestServer;
let client: ChatwireClient;

async function listen(server: Server): Promise<string> {
  servers.push(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  recorder = recordTelemetry();
  trace.setGlobalTracerProvider(recorder.tracerProvider);
});

afterAll(async () => {
  for (const server of servers) server.close();
  trace.disable();
  context.disable();
  await recorder.shutdown();
});

afterEach(async () => {
  await client?.close();
});

/** An endpoint in front of an upstream that answers as `answer` says. */
async function endpoint(
  answer: Parameters<typeof startServer>[0],
  options: ChatCompletionsHandlerOptions = {},
): Promise<string> {
  upstream = await startServer(answer);
  client = createClient({ apiKey: 'pk-test', baseURL: upstream.baseURL, maxRetries: 0 });
  const handle = createChatCompletionsHandler({ client, defaultModel: 'm1', ...options });
  return listen(createServer((request, response) => void handle(request, response)));
}

function post(origin: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(origin, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

const hello = { messages: [{ role: 'user', content: 'Hello' }] };

function newSpans(before: number) {
  return recorder.spans().slice(before);
}

describe('the span of a chat turn', () => {
  it('continues the browser’s traceparent as a SERVER span, with the client’s span inside it', async () => {
    const origin = await endpoint((_, response) => sendJSON(response, 200, completionBody()));
    const before = recorder.spans().length;
    const response = await post(origin, hello, {
      traceparent: `00-${browserTrace}-${browserSpan}-01`,
    });
    await response.text();
    await expect.poll(() => newSpans(before).length).toBe(2);
    const turn = newSpans(before).find((span) => span.name === 'chat turn')!;
    const call = newSpans(before).find((span) => span.name === 'chat m1')!;

    expect(turn.kind).toBe(SpanKind.SERVER);
    expect(turn.spanContext().traceId).toBe(browserTrace);
    expect(turn.parentSpanContext?.spanId).toBe(browserSpan);
    expect(call.kind).toBe(SpanKind.CLIENT);
    expect(call.parentSpanContext?.spanId).toBe(turn.spanContext().spanId);

    const spanId = response.headers.get('x-portkey-span-id');
    expect(turn.attributes).toMatchObject({
      'chatwire.turn.policy': 'accepted',
      'chatwire.turn.stop_reason': 'completed',
      'chatwire.turn.stream': false,
      'gen_ai.request.model': 'm1',
      'portkey.trace_id': browserTrace,
      'portkey.span_id': spanId,
      'http.response.status_code': 200,
      'http.request.method': 'POST',
    });
    const sent = upstream.requests[0]!.headers;
    expect(sent['x-portkey-trace-id']).toBe(browserTrace);
    expect(sent['x-portkey-parent-span-id']).toBe(browserSpan);
    expect(sent['x-portkey-span-id']).toBe(spanId);
    expect(sent.traceparent).toBe(`00-${browserTrace}-${call.spanContext().spanId}-01`);
    expect(call.attributes['portkey.span_id']).toBe(spanId);
  });

  it('is made by the fetch handler too, from the Request’s traceparent to the status of its Response', async () => {
    upstream = await startServer((_, response) =>
      sendStream(response, [chunkEvent('Hi', 'stop'), 'data: [DONE]\n\n']),
    );
    client = createClient({ apiKey: 'pk-test', baseURL: upstream.baseURL, maxRetries: 0 });
    const handle = createChatCompletionsFetchHandler({ client, defaultModel: 'm1' });
    const before = recorder.spans().length;
    const response = await handle(
      new Request('http://localhost/api/chat?x=1', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          traceparent: `00-${browserTrace}-${browserSpan}-01`,
        },
        body: JSON.stringify({ ...hello, stream: true }),
      }),
    );
    expect(await response.text()).toContain('"Hi"');
    await expect.poll(() => newSpans(before).length).toBe(2);
    const turn = newSpans(before).find((span) => span.name === 'chat turn')!;
    const call = newSpans(before).find((span) => span.name === 'chat m1')!;
    expect(turn.kind).toBe(SpanKind.SERVER);
    expect(turn.spanContext().traceId).toBe(browserTrace);
    expect(call.parentSpanContext?.spanId).toBe(turn.spanContext().spanId);
    expect(turn.attributes).toMatchObject({
      'chatwire.turn.stop_reason': 'completed',
      'chatwire.turn.stream': true,
      'http.response.status_code': 200,
      'url.path': '/api/chat',
    });
  });

  it('is an INTERNAL span under the HTTP server span that is active', async () => {
    upstream = await startServer((_, response) => sendJSON(response, 200, completionBody()));
    client = createClient({ apiKey: 'pk-test', baseURL: upstream.baseURL, maxRetries: 0 });
    const handle = createChatCompletionsHandler({ client, defaultModel: 'm1' });
    const tracer = recorder.tracerProvider.getTracer('http');
    let serverSpanId: string | undefined;
    const origin = await listen(
      createServer((request, response) => {
        const span = tracer.startSpan('POST', { kind: SpanKind.SERVER });
        serverSpanId = span.spanContext().spanId;
        response.once('close', () => span.end());
        context.with(trace.setSpan(context.active(), span), () => void handle(request, response));
      }),
    );
    const before = recorder.spans().length;
    await (await post(origin, hello)).text();
    await expect.poll(() => newSpans(before).length).toBe(3);
    const turn = newSpans(before).find((span) => span.name === 'chat turn')!;
    expect(turn.kind).toBe(SpanKind.INTERNAL);
    expect(turn.parentSpanContext?.spanId).toBe(serverSpanId);
    const call = newSpans(before).find((span) => span.name === 'chat m1')!;
    expect(call.parentSpanContext?.spanId).toBe(turn.spanContext().spanId);
  });

  it('records a refusal of the policy with its code, not as a server error', async () => {
    const origin = await endpoint((_, response) => sendJSON(response, 200, completionBody()), {
      allowedModels: ['m1'],
    });
    const before = recorder.spans().length;
    const response = await post(origin, { ...hello, model: 'm2' });
    expect(response.status).toBe(400);
    await response.text();
    await expect.poll(() => newSpans(before).length).toBe(1);
    const [turn] = newSpans(before);
    expect(turn!.attributes).toMatchObject({
      'chatwire.turn.policy': 'refused',
      'error.type': 'model_not_allowed',
      'http.response.status_code': 400,
    });
    expect(turn!.attributes['chatwire.turn.stop_reason']).toBeUndefined();
    expect(turn!.status.code).toBe(SpanStatusCode.UNSET);
    expect(upstream.requests).toHaveLength(0);
  });

  it('records an upstream failure as a failed turn with an error status', async () => {
    const origin = await endpoint((_, response) =>
      sendJSON(response, 500, { error: { message: 'down' } }),
    );
    const before = recorder.spans().length;
    await (await post(origin, hello)).text();
    await expect.poll(() => newSpans(before).length).toBe(2);
    const turn = newSpans(before).find((span) => span.name === 'chat turn')!;
    expect(turn.attributes).toMatchObject({
      'chatwire.turn.policy': 'accepted',
      'chatwire.turn.stop_reason': 'failed',
      'error.type': '500',
    });
    expect(turn.status.code).toBe(SpanStatusCode.ERROR);
  });

  it('records a browser that leaves mid-stream as disconnected, and ends both spans', async () => {
    const origin = await endpoint((_, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write(chunkEvent('Hel'));
    });
    const before = recorder.spans().length;
    const response = await post(origin, { ...hello, stream: true });
    const reader = response.body!.getReader();
    await reader.read();
    await reader.cancel();
    await expect.poll(() => newSpans(before).length, { timeout: 5_000 }).toBe(2);
    const turn = newSpans(before).find((span) => span.name === 'chat turn')!;
    expect(turn.attributes['chatwire.turn.stop_reason']).toBe('disconnected');
    const call = newSpans(before).find((span) => span.name === 'chat m1')!;
    expect(call.attributes['error.type']).toBe('APIUserAbortError');
  });

  it('names a resumable turn by its id', async () => {
    const origin = await endpoint(
      (_, response) => sendStream(response, [chunkEvent('Hi', 'stop'), 'data: [DONE]\n\n']),
      { turnStore: new MemoryTurnStore() },
    );
    const before = recorder.spans().length;
    const response = await post(origin, { ...hello, stream: true }, { 'idempotency-key': 'k-1' });
    await response.text();
    await expect.poll(() => newSpans(before).length).toBe(2);
    const turn = newSpans(before).find((span) => span.name === 'chat turn')!;
    expect(turn.attributes).toMatchObject({
      'chatwire.turn.id': response.headers.get('x-chatwire-turn-id'),
      'chatwire.turn.stop_reason': 'completed',
      'chatwire.turn.stream': true,
    });
  });

  it('is not recorded with telemetry: false', async () => {
    const origin = await endpoint((_, response) => sendJSON(response, 200, completionBody()), {
      telemetry: false,
    });
    const before = recorder.spans().length;
    await (await post(origin, hello)).text();
    await expect.poll(() => newSpans(before).length).toBe(1);
    expect(newSpans(before).map((span) => span.name)).toEqual(['chat m1']);
  });
});
