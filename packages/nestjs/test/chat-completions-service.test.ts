import 'reflect-metadata';
import { APIUserAbortError, type ChatCompletionChunk, RateLimitError } from '@chatwire/core';
import { type Emulator, startEmulator } from '@chatwire/emulator';
import type { TestingModule } from '@nestjs/testing';
import { Test } from '@nestjs/testing';
import { firstValueFrom, lastValueFrom, take, toArray } from 'rxjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatCompletionsService, ChatwireModule } from '../src/index.js';

let emulator: Emulator;
let moduleRef: TestingModule;
let service: ChatCompletionsService;

beforeAll(async () => {
  emulator = await startEmulator();
  moduleRef = await Test.createTestingModule({
    imports: [ChatwireModule.forRoot({ baseURL: emulator.url, apiKey: 'test', maxRetries: 0 })],
  }).compile();
  service = moduleRef.get(ChatCompletionsService);
});

afterAll(async () => {
  await moduleRef.close();
  await emulator.close();
});

const question = {
  model: 'gpt-4o-mini',
  messages: [{ role: 'user' as const, content: 'What is the tallest mountain in Europe?' }],
};

function contentOf(chunks: readonly ChatCompletionChunk[]): string {
  return chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('');
}

describe('ChatCompletionsService', () => {
  it('create resolves to the completion with Portkey metadata', async () => {
    const completion = await service.create(question, { traceId: 'service-plain' });
    expect(completion.object).toBe('chat.completion');
    expect(completion.choices[0]?.message.content).toContain('tallest mountain');
    expect(completion.meta.traceId).toBe('service-plain');
  });

  it('create throws the typed upstream error', async () => {
    const failing = service.create({ ...question, model: 'scenario:rate-limit' });
    await expect(failing).rejects.toBeInstanceOf(RateLimitError);
  });

  it('stream yields the chunks of the answer and the final completion', async () => {
    const stream = await service.stream(question);
    const chunks: ChatCompletionChunk[] = [];
    for await (const chunk of stream) chunks.push(chunk);
    const completion = await stream.finalChatCompletion();
    expect(chunks.length).toBeGreaterThan(1);
    expect(contentOf(chunks)).toBe(completion.choices[0]?.message.content);
    expect(completion.choices[0]?.finish_reason).toBe('stop');
    const sent = emulator.requests.at(-1)?.json as { stream?: boolean };
    expect(sent.stream).toBe(true);
  });

  it('stream$ emits every chunk and completes', async () => {
    const chunks = await lastValueFrom(service.stream$(question).pipe(toArray()));
    const plain = await service.create(question);
    expect(contentOf(chunks)).toBe(plain.choices[0]?.message.content);
    expect(
      chunks.at(-1)?.choices[0]?.finish_reason ?? chunks.at(-2)?.choices[0]?.finish_reason,
    ).toBe('stop');
  });

  it('stream$ aborts the request when unsubscribed before the end', async () => {
    const traceId = 'service-unsubscribe';
    const first = await firstValueFrom(
      service
        .stream$(
          { ...question, model: 'scenario:slow-stream' },
          { traceId, headers: { 'x-emulator-delay-ms': '100' } },
        )
        .pipe(take(1)),
    );
    expect(first.object).toBe('chat.completion.chunk');
    const received = await emulator.waitForRequest(
      (request) => request.headers['x-portkey-trace-id'] === traceId && request.aborted,
    );
    expect(received.aborted).toBe(true);
  });

  it('stream$ errors with the upstream error', async () => {
    const failing = lastValueFrom(service.stream$({ ...question, model: 'scenario:rate-limit' }));
    await expect(failing).rejects.toBeInstanceOf(RateLimitError);
  });

  it('stream$ errors with an abort error when the caller signal aborts', async () => {
    const controller = new AbortController();
    const chunks = service.stream$(
      { ...question, model: 'scenario:slow-stream' },
      { signal: controller.signal, headers: { 'x-emulator-delay-ms': '100' } },
    );
    const collected = lastValueFrom(chunks.pipe(toArray()));
    setTimeout(() => controller.abort(), 50);
    await expect(collected).rejects.toBeInstanceOf(APIUserAbortError);
  });

  it('runTools runs the tools the model calls and returns the final answer', async () => {
    const calls: string[] = [];
    const result = await service.runTools(
      {
        model: 'gpt-4o-mini',
        messages: [{ role: 'user', content: 'What is the weather in Paris?' }],
      },
      {
        tools: [
          {
            name: 'get_weather',
            description: 'The current weather in a city',
            parameters: {
              type: 'object',
              properties: { city: { type: 'string' } },
              required: ['city'],
            },
            run: (args) => {
              calls.push(JSON.stringify(args));
              return { temperature: 21, sky: 'clear' };
            },
          },
        ],
      },
    );
    expect(calls.length).toBeGreaterThan(0);
    expect(result.completions.length).toBe(2);
    expect(result.completion.choices[0]?.message.content).toContain('21');
    expect(result.messages.some((message) => message.role === 'tool')).toBe(true);
  });
});
