import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChatwireClient, createClient } from '../../src/client/index.js';
import {
  type ChatCompletionsHandlerOptions,
  type ChatFinishInfo,
  createChatCompletionsHandler,
} from '../../src/server/index.js';

const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
const parentId = '00f067aa0ba902b7';
const received: IncomingHttpHeaders[] = [];
const finished: ChatFinishInfo[] = [];
const servers: Server[] = [];
let client: ChatwireClient;

async function listen(server: Server): Promise<string> {
  servers.push(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function startEndpoint(options: ChatCompletionsHandlerOptions = {}): Promise<string> {
  const handle = createChatCompletionsHandler({
    client,
    defaultModel: 'm1',
    onFinish: (info) => {
      finished.push(info);
    },
    ...options,
  });
  return listen(createServer((request, response) => void handle(request, response)));
}

beforeAll(async () => {
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
});

afterAll(async () => {
  await client.close();
  for (const server of servers) server.close();
});

async function ask(origin: string, headers: Record<string, string> = {}): Promise<Response> {
  const response = await fetch(origin, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ messages: [{ role: 'user', content: 'Hello' }] }),
  });
  await response.text();
  return response;
}

describe('trace linking', () => {
  let origin: string;
  beforeAll(async () => {
    origin = await startEndpoint();
  });

  it('places the upstream call under the caller’s span of an incoming traceparent', async () => {
    const response = await ask(origin, { traceparent: `00-${traceId}-${parentId}-01` });
    const upstream = received.at(-1)!;
    const spanId = upstream['x-portkey-span-id'];
    expect(upstream['x-portkey-trace-id']).toBe(traceId);
    expect(upstream['x-portkey-parent-span-id']).toBe(parentId);
    expect(spanId).toMatch(/^[0-9a-f]{16}$/);
    expect(upstream['x-portkey-span-name']).toBe('chat.completions');
    expect(upstream.traceparent).toBe(`00-${traceId}-${spanId}-01`);
    expect(response.headers.get('x-portkey-trace-id')).toBe(traceId);
    expect(response.headers.get('x-portkey-span-id')).toBe(spanId);
    expect(response.headers.get('access-control-expose-headers')).toContain('x-portkey-span-id');
    expect(finished.at(-1)?.context.spanId).toBe(spanId);
  });

  it('keeps the caller’s trace flags in the upstream traceparent', async () => {
    await ask(origin, { traceparent: `00-${traceId}-${parentId}-00` });
    expect(received.at(-1)!.traceparent).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-00$`));
  });

  it('makes a fresh span id for each turn of the same trace', async () => {
    const first = await ask(origin, { traceparent: `00-${traceId}-${parentId}-01` });
    const second = await ask(origin, { traceparent: `00-${traceId}-${parentId}-01` });
    expect(first.headers.get('x-portkey-span-id')).not.toBe(
      second.headers.get('x-portkey-span-id'),
    );
  });

  it.each([
    ['too short', `00-${traceId.slice(2)}-${parentId}-01`],
    ['uppercase', `00-${traceId.toUpperCase()}-${parentId}-01`],
    ['with an all-zero trace-id', `00-${'0'.repeat(32)}-${parentId}-01`],
    ['with an all-zero parent-id', `00-${traceId}-${'0'.repeat(16)}-01`],
    ['of version ff', `ff-${traceId}-${parentId}-01`],
    ['of version 00 with a field appended', `00-${traceId}-${parentId}-01-x-portkey-api-key`],
  ])('ignores a traceparent %s and never forwards it', async (_, traceparent) => {
    const response = await ask(origin, { traceparent });
    const upstream = received.at(-1)!;
    expect(upstream['x-portkey-trace-id']).not.toBe(traceId);
    expect(upstream['x-portkey-trace-id']).toBe(response.headers.get('x-portkey-trace-id'));
    expect(upstream['x-portkey-parent-span-id']).toBeUndefined();
    expect(upstream.traceparent).toBeUndefined();
    expect(upstream['x-portkey-span-id']).toBe(response.headers.get('x-portkey-span-id'));
  });

  it('names no parent when the trace id came from another header', async () => {
    await ask(origin, { 'x-request-id': 'req-9' });
    const upstream = received.at(-1)!;
    expect(upstream['x-portkey-trace-id']).toBe('req-9');
    expect(upstream['x-portkey-parent-span-id']).toBeUndefined();
    expect(upstream.traceparent).toBeUndefined();
  });
});

describe('span options', () => {
  it('sends the span name the handler is configured with', async () => {
    await ask(await startEndpoint({ spanName: 'support.chat' }));
    expect(received.at(-1)!['x-portkey-span-name']).toBe('support.chat');
  });

  it('lets portkeyOptions choose the span and drops the parent of another trace', async () => {
    const origin = await startEndpoint({
      spanName: 'support.chat',
      portkeyOptions: () => ({ traceId: 'order-7', spanId: 'span-a', spanName: 'checkout' }),
    });
    const response = await ask(origin, { traceparent: `00-${traceId}-${parentId}-01` });
    const upstream = received.at(-1)!;
    expect(upstream['x-portkey-trace-id']).toBe('order-7');
    expect(upstream['x-portkey-span-id']).toBe('span-a');
    expect(upstream['x-portkey-span-name']).toBe('checkout');
    expect(upstream['x-portkey-parent-span-id']).toBeUndefined();
    expect(upstream.traceparent).toBeUndefined();
    expect(response.headers.get('x-portkey-span-id')).toBe('span-a');
  });
});
