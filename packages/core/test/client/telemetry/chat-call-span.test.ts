import { context, metrics, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../../src/client/index.js';
import { chunkEvent, completionBody, request } from '../../support/fixtures.js';
import { dataEvent, sendJSON, sendStream } from '../../support/responses.js';
import { recordTelemetry, type TelemetryRecorder } from '../../support/telemetry-recorder.js';
import { startServer } from '../../support/test-server.js';

let recorder: TelemetryRecorder;

beforeAll(() => {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
});

afterAll(() => {
  context.disable();
});

afterEach(async () => {
  await recorder?.shutdown();
});

async function upstreamAnswering(answer: Parameters<typeof startServer>[0]) {
  recorder = recordTelemetry();
  const server = await startServer(answer);
  const client = createClient({
    apiKey: 'pk-test',
    baseURL: server.baseURL,
    telemetry: { tracerProvider: recorder.tracerProvider, meterProvider: recorder.meterProvider },
  });
  return { server, client };
}

const usageChunk = dataEvent({
  id: 'chatcmpl-1',
  object: 'chat.completion.chunk',
  created: 1,
  model: 'gpt-4o-mini-2024',
  choices: [],
  usage: { prompt_tokens: 7, completion_tokens: 4, total_tokens: 11 },
});

describe('the span of a call', () => {
  it('is a CLIENT span named after the model, with the GenAI request and response attributes', async () => {
    const { client, server } = await upstreamAnswering((_, response) =>
      sendJSON(response, 200, completionBody('Hi there'), { 'x-portkey-cache-status': 'MISS' }),
    );
    await client.chat.completions.create(
      { ...request, temperature: 0.2, max_tokens: 50, top_p: 0.9, stop: 'END', seed: 7 },
      { provider: 'openai' },
    );
    const span = recorder.span('chat gpt-4o-mini');
    expect(span.kind).toBe(SpanKind.CLIENT);
    expect(span.status.code).toBe(SpanStatusCode.UNSET);
    const port = Number(new URL(server.baseURL).port);
    expect(span.attributes).toMatchObject({
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'openai',
      'gen_ai.request.model': 'gpt-4o-mini',
      'gen_ai.request.temperature': 0.2,
      'gen_ai.request.max_tokens': 50,
      'gen_ai.request.top_p': 0.9,
      'gen_ai.request.seed': 7,
      'gen_ai.request.stop_sequences': ['END'],
      'gen_ai.request.stream': false,
      'gen_ai.response.model': 'gpt-4o-mini',
      'gen_ai.response.id': 'chatcmpl-1',
      'gen_ai.response.finish_reasons': ['stop'],
      'gen_ai.usage.input_tokens': 3,
      'gen_ai.usage.output_tokens': 2,
      'server.address': '127.0.0.1',
      'server.port': port,
      'http.response.status_code': 200,
      'portkey.cache_status': 'MISS',
    });
    expect(span.attributes['gen_ai.request.frequency_penalty']).toBeUndefined();
  });

  it('names the provider portkey when Portkey routes the call (a model catalog slug, a config)', async () => {
    const { client } = await upstreamAnswering((_, response) =>
      sendJSON(response, 200, completionBody()),
    );
    await client.chat.completions.create(request, { provider: '@openai-prod' });
    await client.chat.completions.create(request, { provider: 'azure-openai' });
    const providers = recorder.spans().map((span) => span.attributes['gen_ai.provider.name']);
    expect(providers).toEqual(['portkey', 'azure.ai.openai']);
  });

  it('is the call in Portkey’s trace and upstream: its ids are the call’s span id and traceparent, under the active span', async () => {
    const { client, server } = await upstreamAnswering((_, response) =>
      sendJSON(response, 200, completionBody()),
    );
    const tracer = recorder.tracerProvider.getTracer('app');
    const parent = tracer.startSpan('handle order');
    await context.with(trace.setSpan(context.active(), parent), () =>
      client.chat.completions.create(request),
    );
    parent.end();
    const span = recorder.span('chat gpt-4o-mini');
    const { traceId, spanId } = span.spanContext();
    expect(span.parentSpanContext?.spanId).toBe(parent.spanContext().spanId);
    const headers = server.requests[0]!.headers;
    expect(headers['x-portkey-trace-id']).toBe(traceId);
    expect(headers['x-portkey-span-id']).toBe(spanId);
    expect(headers['x-portkey-parent-span-id']).toBe(parent.spanContext().spanId);
    expect(headers.traceparent).toBe(`00-${traceId}-${spanId}-01`);
    expect(span.attributes).toMatchObject({
      'portkey.trace_id': traceId,
      'portkey.span_id': spanId,
      'portkey.parent_span_id': parent.spanContext().spanId,
    });
  });

  it('keeps the Portkey trace a call names, records it, and still sends its own span upstream', async () => {
    const { client, server } = await upstreamAnswering((_, response) =>
      sendJSON(response, 200, completionBody()),
    );
    await client.chat.completions.create(request, { traceId: 'order-7', spanId: 'call-1' });
    const span = recorder.span('chat gpt-4o-mini');
    const headers = server.requests[0]!.headers;
    expect(headers['x-portkey-trace-id']).toBe('order-7');
    expect(headers['x-portkey-span-id']).toBe('call-1');
    const { traceId, spanId } = span.spanContext();
    expect(headers.traceparent).toBe(`00-${traceId}-${spanId}-01`);
    expect(span.attributes).toMatchObject({
      'portkey.trace_id': 'order-7',
      'portkey.span_id': 'call-1',
    });
  });

  it('records each retry as an event and the resend count, and ends once with the answer', async () => {
    const { client } = await upstreamAnswering((_, response, index) => {
      if (index === 0)
        sendJSON(response, 503, { error: { message: 'busy' } }, { 'retry-after-ms': '1' });
      else sendJSON(response, 200, completionBody());
    });
    await client.chat.completions.create(request, { maxRetries: 2 });
    const span = recorder.span('chat gpt-4o-mini');
    expect(span.events.map((event) => [event.name, event.attributes])).toEqual([
      ['chatwire.retry', { 'http.request.resend_count': 1, 'error.type': '503' }],
    ]);
    expect(span.attributes['http.request.resend_count']).toBe(1);
    expect(span.status.code).toBe(SpanStatusCode.UNSET);
  });

  it('marks a failed call with error.type and an error status', async () => {
    const { client } = await upstreamAnswering((_, response) =>
      sendJSON(response, 429, { error: { message: 'slow down' } }, { 'x-should-retry': 'false' }),
    );
    await expect(client.chat.completions.create(request)).rejects.toThrow();
    const span = recorder.span('chat gpt-4o-mini');
    expect(span.attributes['error.type']).toBe('429');
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
  });
});

describe('the span of a streamed call', () => {
  it('ends when the stream ends, with the time to its first chunk and the streamed usage', async () => {
    const { client } = await upstreamAnswering((_, response) =>
      sendStream(response, [
        chunkEvent('Hel'),
        chunkEvent('lo', 'stop'),
        usageChunk,
        'data: [DONE]\n\n',
      ]),
    );
    const stream = await client.chat.completions.create({ ...request, stream: true });
    expect(recorder.spans()).toHaveLength(0);
    for await (const _chunk of stream) {
      // Reading to the end ends the span.
    }
    const span = recorder.span('chat gpt-4o-mini');
    expect(span.attributes).toMatchObject({
      'gen_ai.request.stream': true,
      'gen_ai.response.finish_reasons': ['stop'],
      'gen_ai.usage.input_tokens': 7,
      'gen_ai.usage.output_tokens': 4,
    });
    const firstChunk = span.attributes['gen_ai.response.time_to_first_chunk'] as number;
    expect(firstChunk).toBeGreaterThan(0);
    const durationSeconds = span.duration[0] + span.duration[1] / 1e9;
    expect(firstChunk).toBeLessThanOrEqual(durationSeconds + 0.001);
  });

  it('ends as failed when the reader leaves early', async () => {
    const { client } = await upstreamAnswering((_, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write(chunkEvent('Hel'));
      // The rest never comes: the reader leaves after the first chunk.
    });
    const stream = await client.chat.completions.create({ ...request, stream: true });
    for await (const _chunk of stream) break;
    await expect.poll(() => recorder.spans().length, { timeout: 2_000 }).toBe(1);
    const span = recorder.span('chat gpt-4o-mini');
    expect(span.attributes['error.type']).toBe('APIUserAbortError');
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
  });

  it('keeps what a truncated stream received', async () => {
    const { client } = await upstreamAnswering((_, response) =>
      sendStream(response, [chunkEvent('Hel')]),
    );
    const stream = await client.chat.completions.create({ ...request, stream: true });
    await expect(stream.finalChatCompletion()).rejects.toThrow();
    const span = recorder.span('chat gpt-4o-mini');
    expect(span.attributes['error.type']).toBe('StreamTruncatedError');
    expect(span.attributes['gen_ai.response.id']).toBe('chatcmpl-1');
  });
});

describe('message contents', () => {
  const conversation = {
    model: 'gpt-4o-mini',
    messages: [
      { role: 'system' as const, content: 'Be brief.' },
      { role: 'user' as const, content: 'Where is my parcel?' },
    ],
  };

  it('are not recorded by default', async () => {
    const { client } = await upstreamAnswering((_, response) =>
      sendJSON(response, 200, completionBody('In Lyon.')),
    );
    await client.chat.completions.create(conversation);
    const recorded = JSON.stringify(recorder.span('chat gpt-4o-mini').attributes);
    expect(recorded).not.toContain('parcel');
    expect(recorded).not.toContain('Lyon');
    expect(recorded).not.toContain('Be brief');
  });

  it('are recorded in the semantic conventions’ form with recordContent', async () => {
    recorder = recordTelemetry();
    const server = await startServer((_, response) =>
      sendJSON(response, 200, completionBody('In Lyon.')),
    );
    const client = createClient({
      apiKey: 'pk-test',
      baseURL: server.baseURL,
      telemetry: { tracerProvider: recorder.tracerProvider, recordContent: true },
    });
    await client.chat.completions.create(conversation);
    const { attributes } = recorder.span('chat gpt-4o-mini');
    expect(JSON.parse(attributes['gen_ai.system_instructions'] as string)).toEqual([
      { type: 'text', content: 'Be brief.' },
    ]);
    expect(JSON.parse(attributes['gen_ai.input.messages'] as string)).toEqual([
      { role: 'user', parts: [{ type: 'text', content: 'Where is my parcel?' }] },
    ]);
    expect(JSON.parse(attributes['gen_ai.output.messages'] as string)).toEqual([
      { role: 'assistant', parts: [{ type: 'text', content: 'In Lyon.' }], finish_reason: 'stop' },
    ]);
  });
});

describe('the metrics of calls', () => {
  it('record token usage by type, the duration and, for streams, the time to first chunk', async () => {
    const { client } = await upstreamAnswering((received, response) => {
      if (JSON.parse(received.body).stream) {
        sendStream(response, [chunkEvent('Hi', 'stop'), usageChunk, 'data: [DONE]\n\n']);
      } else {
        sendJSON(response, 200, completionBody());
      }
    });
    await client.chat.completions.create(request, { provider: 'openai' });
    const stream = await client.chat.completions.create(
      { ...request, stream: true },
      { provider: 'openai' },
    );
    await stream.finalChatCompletion();

    const tokens = await recorder.histogram('gen_ai.client.token.usage');
    const byType = (type: string) =>
      tokens
        .filter((point) => point.attributes['gen_ai.token.type'] === type)
        .reduce((sum, point) => sum + point.sum, 0);
    expect(byType('input')).toBe(3 + 7);
    expect(byType('output')).toBe(2 + 4);
    expect(tokens[0]!.attributes).toMatchObject({
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'openai',
      'gen_ai.request.model': 'gpt-4o-mini',
      'server.address': '127.0.0.1',
    });

    const durations = await recorder.histogram('gen_ai.client.operation.duration');
    expect(durations.reduce((count, point) => count + point.count, 0)).toBe(2);
    const firstChunks = await recorder.histogram('gen_ai.client.operation.time_to_first_chunk');
    expect(firstChunks.reduce((count, point) => count + point.count, 0)).toBe(1);
  });

  it('tag the duration of a failed call with error.type', async () => {
    const { client } = await upstreamAnswering((_, response) =>
      sendJSON(response, 400, { error: { message: 'bad' } }),
    );
    await expect(client.chat.completions.create(request)).rejects.toThrow();
    const [point] = await recorder.histogram('gen_ai.client.operation.duration');
    expect(point?.attributes['error.type']).toBe('400');
  });
});

describe('the telemetry option', () => {
  it('defaults to the global providers an SDK registers', async () => {
    recorder = recordTelemetry();
    trace.setGlobalTracerProvider(recorder.tracerProvider);
    metrics.setGlobalMeterProvider(recorder.meterProvider);
    try {
      const server = await startServer((_, response) => sendJSON(response, 200, completionBody()));
      const client = createClient({ apiKey: 'pk-test', baseURL: server.baseURL });
      await client.chat.completions.create(request);
      expect(recorder.spans().map((span) => span.name)).toEqual(['chat gpt-4o-mini']);
      expect(await recorder.histogram('gen_ai.client.operation.duration')).toHaveLength(1);
    } finally {
      trace.disable();
      metrics.disable();
    }
  });

  it('records nothing when false', async () => {
    recorder = recordTelemetry();
    trace.setGlobalTracerProvider(recorder.tracerProvider);
    try {
      const server = await startServer((_, response) => sendJSON(response, 200, completionBody()));
      const client = createClient({ apiKey: 'pk-test', baseURL: server.baseURL, telemetry: false });
      await client.chat.completions.create(request);
      expect(recorder.spans()).toHaveLength(0);
      expect(server.requests[0]!.headers.traceparent).toBeUndefined();
    } finally {
      trace.disable();
    }
  });
});
