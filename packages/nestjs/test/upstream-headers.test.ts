import 'reflect-metadata';
import { type Emulator, startEmulator } from '@chatwire/emulator';
import { Controller, type INestApplication, Module, Post, UseFilters } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatCompletionsService, ChatwireExceptionFilter, ChatwireModule } from '../src/index.js';
import { PLATFORM, startApp } from './support/nest-app.js';

let emulator: Emulator;
let app: INestApplication;
let origin: string;

@Controller('summaries')
@UseFilters(ChatwireExceptionFilter)
class Summaries {
  constructor(private readonly completions: ChatCompletionsService) {}

  @Post()
  async summarize(): Promise<unknown> {
    return this.completions.create({
      model: 'scenario:rate-limit',
      messages: [{ role: 'user', content: 'hi' }],
    });
  }
}

beforeAll(async () => {
  emulator = await startEmulator();
  @Module({
    imports: [
      ChatwireModule.forRoot({
        baseURL: emulator.url,
        apiKey: 'server-key',
        maxRetries: 0,
        endpoint: {
          path: 'v1/chat/completions',
          allowedModels: (model) => model === 'gpt-4o-mini' || model.startsWith('scenario:'),
        },
      }),
    ],
    controllers: [Summaries],
  })
  class AppModule {}
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
  ({ app, origin } = await startApp(moduleRef));
});

afterAll(async () => {
  await app.close();
  await emulator.close();
});

const messages = [{ role: 'user' as const, content: 'Name a river in Europe.' }];

function openai(maxRetries = 0): OpenAI {
  return new OpenAI({ baseURL: `${origin}/v1`, apiKey: 'browser-has-no-key', maxRetries });
}

async function failure(promise: Promise<unknown>): Promise<InstanceType<typeof OpenAI.APIError>> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof OpenAI.APIError) return error;
    throw error;
  }
  throw new Error('The call succeeded.');
}

function headersOf(error: InstanceType<typeof OpenAI.APIError>): Headers {
  return error.headers ?? new Headers();
}

describe(`the upstream's headers reach OpenAI clients of the Nest endpoint on ${PLATFORM}`, () => {
  it("a 429 keeps the upstream's retry-after, retry-after-ms and request id", async () => {
    const error = await failure(
      openai().chat.completions.create({ model: 'scenario:rate-limit', messages }),
    );
    expect(error.status).toBe(429);
    expect(headersOf(error).get('retry-after')).toBe('1');
    expect(headersOf(error).get('retry-after-ms')).toBe('1000');
    expect(error.requestID).toMatch(/^req_/);
  });

  it("a 500 keeps Portkey's retry, cache and routing headers", async () => {
    const error = await failure(
      openai().chat.completions.create({ model: 'scenario:server-error', messages }),
    );
    expect(error.status).toBe(500);
    expect(headersOf(error).get('x-portkey-retry-attempt-count')).not.toBeNull();
    expect(headersOf(error).get('x-portkey-cache-status')).not.toBeNull();
    expect(headersOf(error).get('x-portkey-last-used-option-index')).toBe('config');
  });

  it("a successful answer has a request id, so openai's _request_id is set", async () => {
    const completion = await openai().chat.completions.create({ model: 'gpt-4o-mini', messages });
    expect(completion._request_id).toMatch(/^req_/);
  });

  it("openai's client waits at least the upstream's retry-after before it retries", async () => {
    const started = performance.now();
    const error = await failure(
      openai(1).chat.completions.create({ model: 'scenario:rate-limit', messages }),
    );
    expect(error.status).toBe(429);
    expect(performance.now() - started).toBeGreaterThanOrEqual(1000);
  });

  it('routes of your own keep the retry-after of a refused service call', async () => {
    const response = await fetch(`${origin}/summaries`, { method: 'POST' });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('1');
  });
});
