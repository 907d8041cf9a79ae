import 'reflect-metadata';
import { createRequire } from 'node:module';
import { type Emulator, startEmulator } from '@chatwire/emulator';
import type { INestApplication } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
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
import { ChatwireModule } from '../src/index.js';
import { PLATFORM, startApp } from './support/nest-app.js';

const browserTrace = '0af7651916cd43dd8448eb211c80319c';
const browserSpan = 'b7ad6b7169203331';
const exporter = new InMemorySpanExporter();
const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
let instrumentation: HttpInstrumentation;
let emulator: Emulator;
let app: INestApplication;
let origin: string;

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
  @Module({
    imports: [
      ChatwireModule.forRoot({
        baseURL: emulator.url,
        apiKey: 'server-key',
        maxRetries: 0,
        endpoint: { path: 'api/chat', defaultModel: 'gpt-4o-mini' },
      }),
    ],
  })
  class AppModule {}
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
  ({ app, origin } = await startApp(moduleRef));
});

afterAll(async () => {
  await app.close();
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

describe(`a turn of the Nest endpoint on ${PLATFORM} with the HTTP instrumentation active`, () => {
  it('nests under the HTTP server span, with the client span of the upstream call inside it', async () => {
    const response = await fetch(`${origin}/api/chat`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        traceparent: `00-${browserTrace}-${browserSpan}-01`,
      },
      body: JSON.stringify({ messages: [{ role: 'user', content: 'Hello' }] }),
    });
    expect(response.status).toBe(200);
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
    expect(turn.attributes['chatwire.turn.policy']).toBe('accepted');
    const call = childOf(turn, spans)!;
    expect(call.name).toBe('chat gpt-4o-mini');
    expect(call.kind).toBe(SpanKind.CLIENT);

    const received = emulator.requests.at(-1)!.headers;
    expect(received['x-portkey-trace-id']).toBe(browserTrace);
    expect(received['x-portkey-parent-span-id']).toBe(browserSpan);
    expect(received['x-portkey-span-id']).toBe(response.headers.get('x-portkey-span-id'));
    expect(received.traceparent).toBe(`00-${browserTrace}-${call.spanContext().spanId}-01`);
  });
});
