import { createOpenAI } from '@ai-sdk/openai';
import { createClient } from '@chatwire/core';
import { APICallError, generateText } from 'ai';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type EmulatedChatServer,
  scenarioFromTestHeader,
  startChatServer,
  startEmulatedChatServer,
  TEST_SCENARIO_HEADER,
} from './chat-server.js';

let chat: EmulatedChatServer;

beforeAll(async () => {
  chat = await startEmulatedChatServer({
    defaultModel: 'gpt-4o-mini',
    portkeyOptions: scenarioFromTestHeader,
  });
});

afterAll(() => chat.close());

const messages = [{ role: 'user' as const, content: 'Name a river in Europe.' }];

function openaiClient(scenario?: string, maxRetries = 0): OpenAI {
  return new OpenAI({
    baseURL: `${chat.origin}/v1`,
    apiKey: 'browser-has-no-key',
    maxRetries,
    defaultHeaders: scenario === undefined ? {} : { [TEST_SCENARIO_HEADER]: scenario },
  });
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('The call succeeded.');
}

describe("the upstream's headers reach OpenAI clients", () => {
  it("a 429 keeps the upstream's retry-after, retry-after-ms and request id", async () => {
    const error = await failure(
      openaiClient('rate-limit').chat.completions.create({ model: 'gpt-4o-mini', messages }),
    );
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    const headers = (error as InstanceType<typeof OpenAI.APIError>).headers ?? new Headers();
    expect(headers.get('retry-after')).toBe('1');
    expect(headers.get('retry-after-ms')).toBe('1000');
    expect(headers.get('x-request-id')).toMatch(/^req_/);
    expect((error as InstanceType<typeof OpenAI.APIError>).requestID).toMatch(/^req_/);
  });

  it("a 500 keeps Portkey's retry, cache and routing headers", async () => {
    const error = await failure(
      openaiClient('server-error').chat.completions.create({ model: 'gpt-4o-mini', messages }),
    );
    const headers = (error as InstanceType<typeof OpenAI.APIError>).headers ?? new Headers();
    expect((error as InstanceType<typeof OpenAI.APIError>).status).toBe(500);
    expect(headers.get('x-portkey-retry-attempt-count')).not.toBeNull();
    expect(headers.get('x-portkey-cache-status')).not.toBeNull();
    expect(headers.get('x-portkey-last-used-option-index')).toBe('config');
  });

  it("a successful answer has a request id, so openai's _request_id is set", async () => {
    const completion = await openaiClient().chat.completions.create({
      model: 'gpt-4o-mini',
      messages,
    });
    expect(completion._request_id).toMatch(/^req_/);
    const stream = await openaiClient().chat.completions.create({
      model: 'gpt-4o-mini',
      messages,
      stream: true,
    });
    expect(stream._request_id).toMatch(/^req_/);
    for await (const _ of stream) {
      // drained
    }
  });

  it("openai's client waits at least the upstream's retry-after before it retries", async () => {
    const started = performance.now();
    const error = await failure(
      openaiClient('rate-limit', 1).chat.completions.create({ model: 'gpt-4o-mini', messages }),
    );
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    expect(performance.now() - started).toBeGreaterThanOrEqual(1000);
  });
});

describe("the server's own client retries", () => {
  it("after its last retry, the answer keeps that attempt's retry-after", async () => {
    const client = createClient({
      baseURL: chat.emulator.url,
      apiKey: 'server-key',
      provider: 'openai',
      maxRetries: 1,
    });
    const retrying = await startChatServer({
      client,
      defaultModel: 'gpt-4o-mini',
      portkeyOptions: () => ({
        headers: { 'x-emulator-scenario': 'rate-limit', 'x-emulator-retry-after-ms': '50' },
      }),
    });
    const before = chat.emulator.requests.length;
    try {
      const error = await failure(
        new OpenAI({
          baseURL: `${retrying.origin}/v1`,
          apiKey: 'none',
          maxRetries: 0,
        }).chat.completions.create({ model: 'gpt-4o-mini', messages }),
      );
      expect(chat.emulator.requests.length - before).toBe(2);
      const headers = (error as InstanceType<typeof OpenAI.APIError>).headers ?? new Headers();
      expect(headers.get('retry-after-ms')).toBe('50');
      expect(headers.get('x-request-id')).toMatch(/^req_/);
    } finally {
      await retrying.close();
      await client.close();
    }
  });
});

describe("the upstream's headers reach the AI SDK", () => {
  it('a 429 reaches APICallError.responseHeaders with retry-after', async () => {
    const provider = createOpenAI({
      baseURL: `${chat.origin}/v1`,
      apiKey: 'browser-has-no-key',
      headers: { [TEST_SCENARIO_HEADER]: 'rate-limit' },
    });
    const error = await failure(
      generateText({ model: provider.chat('gpt-4o-mini'), prompt: 'Hi', maxRetries: 0 }),
    );
    expect(APICallError.isInstance(error)).toBe(true);
    const headers = (error as APICallError).responseHeaders ?? {};
    expect(headers['retry-after']).toBe('1');
    expect(headers['retry-after-ms']).toBe('1000');
  });

  it('a successful answer carries the request id', async () => {
    const provider = createOpenAI({ baseURL: `${chat.origin}/v1`, apiKey: 'browser-has-no-key' });
    const result = await generateText({ model: provider.chat('gpt-4o-mini'), prompt: 'Hi' });
    expect(result.response.headers?.['x-request-id']).toMatch(/^req_/);
  });
});
