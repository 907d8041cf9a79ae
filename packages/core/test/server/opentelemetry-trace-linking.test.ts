import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { context, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { BasicTracerProvider } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChatwireClient, createClient } from '../../src/client/index.js';
import { createChatCompletionsHandler } from '../../src/server/index.js';

const received: IncomingHttpHeaders[] = [];
const servers: Server[] = [];
const tracer = new BasicTracerProvider().getTracer('chatwire-test');
let client: ChatwireClient;
let origin: string;
let serverSpan: { traceId: string; spanId: string } | undefined;

async function listen(server: Server): Promise<string> {
  servers.push(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  const upstream = await listen(
    createServer((request, response) => {
      received.push(request.headers);
      request.resume();
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          id: 'c1',
          object: 'chat.completion',
          created: 1,
          model: 'm1',
          choices: [
            { index: 0, message: { role: 'assistant', content: 'Hi' }, finish_reason: 'stop' },
          ],
        }),
      );
    }),
  );
  client = createClient({ apiKey: 'pk-test', baseURL: `${upstream}/v1`, maxRetries: 0 });
  const handle = createChatCompletionsHandler({ client, defaultModel: 'm1' });
  // As an HTTP server instrumentation does: the request is served inside a server span.
  origin = await listen(
    createServer((request, response) => {
      const span = tracer.startSpan('POST /api/chat');
      serverSpan = span.spanContext();
      response.once('close', () => span.end());
      context.with(trace.setSpan(context.active(), span), () => void handle(request, response));
    }),
  );
});

afterAll(async () => {
  await client.close();
  for (const server of servers) server.close();
  context.disable();
});

describe('a turn served inside an OpenTelemetry server span', () => {
  it('is placed under that span when the request names no trace', async () => {
    const response = await fetch(origin, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ messages: [{ role: 'user', content: 'Hello' }] }),
    });
    await response.text();
    const upstream = received.at(-1)!;
    const spanId = upstream['x-portkey-span-id'];
    expect(upstream['x-portkey-trace-id']).toBe(serverSpan?.traceId);
    expect(upstream['x-portkey-parent-span-id']).toBe(serverSpan?.spanId);
    expect(upstream.traceparent).toBe(`00-${serverSpan?.traceId}-${spanId}-01`);
    expect(response.headers.get('x-portkey-trace-id')).toBe(serverSpan?.traceId);
    expect(response.headers.get('x-portkey-span-id')).toBe(spanId);
  });

  it('still takes the trace a request names in its headers', async () => {
    const response = await fetch(origin, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'req-5' },
      body: JSON.stringify({ messages: [{ role: 'user', content: 'Hello' }] }),
    });
    await response.text();
    expect(received.at(-1)!['x-portkey-trace-id']).toBe('req-5');
    expect(received.at(-1)!['x-portkey-parent-span-id']).toBeUndefined();
  });
});
