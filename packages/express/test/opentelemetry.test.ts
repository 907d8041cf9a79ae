import { createRequire } from 'node:module';
import type { ChatwireClient } from '@chatwire/core';
import { type Emulator, startEmulator } from '@chatwire/emulator';
import { context, propagation, SpanKind, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChatServer, serverClient, startChatServer } from './chat-server.js';

const browserTrace = '0af7651916cd43dd8448eb211c80319c';
const browserSpan = 'b7ad6b7169203331';
const exporter = new InMemorySpanExporter();
const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
let instrumentation: HttpInstrumentation;
let emulator: Emulator;
let client: ChatwireClient;
let chat: ChatServer;

beforeAll(async () => {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  trace.setGlobalTracerProvider(provider);
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  instrumentation = new HttpInstrumentation();
  instrumentation.setTracerProvider(provider);
  // The instrumentation patches node:http when it is required after the instrumentation
  // started, as in an application that loads the SDK first.
  createRequire(import.meta.url)('node:http');
  emulator = await startEmulator();
  client = serverClient(emulator);
  chat = await startChatServer({ client, defaultModel: 'gpt-4o-mini' });
});

afterAll(async () => {
  await chat.close();
  await client.close();
  await emulator.close();
  instrumentation.disable();
  trace.disable();
  propagation.disable();
  context.disable();
  await provider.shutdown();
});

function childOf(parent: ReadableSpan, spans: ReadableSpan[]): ReadableSpan | undefined {
  return spans.find((span) => span.parentSpanContext?.spanId === parent.spanContext().spanId);
}

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
    await expect.poll(() => exporter.getFinishedSpans().length).toBeGreaterThanOrEqual(4);
    const spans = exporter.getFinishedSpans();

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
