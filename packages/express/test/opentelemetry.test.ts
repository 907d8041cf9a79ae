import type { ChatwireClient } from '@chatwire/core';
import { type Emulator, startEmulator } from '@chatwire/emulator';
import { childOf, type HttpTracing, traceHttpServers } from '@chatwire/endpoint-contract';
import { SpanKind } from '@opentelemetry/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChatServer, serverClient, startChatServer } from './chat-server.js';

const browserTrace = '0af7651916cd43dd8448eb211c80319c';
const browserSpan = 'b7ad6b7169203331';
let tracing: HttpTracing;
let emulator: Emulator;
let client: ChatwireClient;
let chat: ChatServer;

beforeAll(async () => {
  tracing = traceHttpServers();
  emulator = await startEmulator();
  client = serverClient(emulator);
  chat = await startChatServer({ client, defaultModel: 'gpt-4o-mini' });
});

afterAll(async () => {
  await chat.close();
  await client.close();
  await emulator.close();
  await tracing.stop();
});

describe('a turn served with the HTTP instrumentation active', () => {
  it('nests under the HTTP server span, with the client span inside it and the upstream under that', async () => {
    const response = await fetch(`${chat.origin}/api/chat`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        traceparent: `00-${browserTrace}-${browserSpan}-01`,
      },
      body: JSON.stringify({ messages: [{ role: 'user', content: 'Hello' }], stream: true }),
    });
    await response.text();
    await expect.poll(() => tracing.spans().length).toBeGreaterThanOrEqual(4);
    const spans = tracing.spans();

    const httpServer = spans.find(
      (span) => span.kind === SpanKind.SERVER && span.parentSpanContext?.spanId === browserSpan,
    )!;
    expect(httpServer.spanContext().traceId).toBe(browserTrace);
    const turn = childOf(httpServer, spans)!;
    expect(turn.name).toBe('chat turn');
    expect(turn.kind).toBe(SpanKind.INTERNAL);
    expect(turn.attributes['chatwire.turn.stop_reason']).toBe('completed');
    const call = childOf(turn, spans)!;
    expect(call.name).toBe('chat gpt-4o-mini');
    expect(call.kind).toBe(SpanKind.CLIENT);
    expect(call.attributes['gen_ai.usage.output_tokens']).toBeGreaterThan(0);
    // The emulator runs in this process: its HTTP server span continues the client's span.
    const upstreamServer = childOf(call, spans)!;
    expect(upstreamServer.kind).toBe(SpanKind.SERVER);

    const received = emulator.requests.at(-1)!.headers;
    const spanId = response.headers.get('x-portkey-span-id');
    expect(received['x-portkey-trace-id']).toBe(browserTrace);
    expect(received['x-portkey-parent-span-id']).toBe(browserSpan);
    expect(received['x-portkey-span-id']).toBe(spanId);
    expect(received.traceparent).toBe(`00-${browserTrace}-${call.spanContext().spanId}-01`);
    expect(response.headers.get('x-portkey-trace-id')).toBe(browserTrace);
  });
});
