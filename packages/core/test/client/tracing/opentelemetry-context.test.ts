import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { context, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { BasicTracerProvider } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChatwireClient, createClient } from '../../../src/client/index.js';

const received: IncomingHttpHeaders[] = [];
let server: Server;
let client: ChatwireClient;
let contextManager: AsyncLocalStorageContextManager;
const tracer = new BasicTracerProvider().getTracer('chatwire-test');

beforeAll(async () => {
  contextManager = new AsyncLocalStorageContextManager().enable();
  context.setGlobalContextManager(contextManager);
  server = createServer((request, response) => {
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
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as AddressInfo).port;
  client = createClient({ apiKey: 'pk-test', baseURL: `http://127.0.0.1:${port}/v1` });
});

afterAll(async () => {
  await client.close();
  server.close();
  context.disable();
});

const body = { model: 'm1', messages: [{ role: 'user' as const, content: 'Hello' }] };

describe('a call made inside an active OpenTelemetry span', () => {
  it('is placed under that span in Portkey’s trace and in the upstream traceparent', async () => {
    const span = tracer.startSpan('handle order');
    const { traceId, spanId } = span.spanContext();
    await context.with(trace.setSpan(context.active(), span), () =>
      client.chat.completions.create(body),
    );
    span.end();
    const headers = received.at(-1)!;
    expect(headers['x-portkey-trace-id']).toBe(traceId);
    expect(headers['x-portkey-parent-span-id']).toBe(spanId);
    const callSpanId = headers['x-portkey-span-id'];
    expect(callSpanId).toMatch(/^[0-9a-f]{16}$/);
    expect(callSpanId).not.toBe(spanId);
    expect(headers.traceparent).toBe(`00-${traceId}-${callSpanId}-01`);
  });

  it('gets a fresh span id on each call', async () => {
    const span = tracer.startSpan('two calls');
    await context.with(trace.setSpan(context.active(), span), async () => {
      await client.chat.completions.create(body);
      await client.chat.completions.create(body);
    });
    span.end();
    const [first, second] = received.slice(-2);
    expect(first!['x-portkey-span-id']).not.toBe(second!['x-portkey-span-id']);
    expect(first!['x-portkey-parent-span-id']).toBe(second!['x-portkey-parent-span-id']);
  });

  it('keeps the trace the call names itself', async () => {
    const span = tracer.startSpan('named trace');
    await context.with(trace.setSpan(context.active(), span), () =>
      client.chat.completions.create(body, { traceId: 'order-7' }),
    );
    span.end();
    const headers = received.at(-1)!;
    expect(headers['x-portkey-trace-id']).toBe('order-7');
    expect(headers['x-portkey-parent-span-id']).toBeUndefined();
    expect(headers.traceparent).toBeUndefined();
  });

  it('sends no span headers outside a span', async () => {
    await client.chat.completions.create(body);
    const headers = received.at(-1)!;
    expect(headers['x-portkey-span-id']).toBeUndefined();
    expect(headers['x-portkey-parent-span-id']).toBeUndefined();
    expect(headers.traceparent).toBeUndefined();
  });
});
