import 'reflect-metadata';
import { type Emulator, startEmulator } from '@chatwire/emulator';
import { childOf, type HttpTracing, traceHttpServers } from '@chatwire/endpoint-contract';
import type { INestApplication } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { SpanKind } from '@opentelemetry/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatwireModule } from '../src/index.js';
import { PLATFORM, startApp } from './support/nest-app.js';

const browserTrace = '0af7651916cd43dd8448eb211c80319c';
const browserSpan = 'b7ad6b7169203331';
let tracing: HttpTracing;
let emulator: Emulator;
let app: INestApplication;
let origin: string;

beforeAll(async () => {
  tracing = traceHttpServers();
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
  await tracing.stop();
});

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
    await expect.poll(() => tracing.spans().length).toBeGreaterThanOrEqual(4);
    const spans = tracing.spans();

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
