import { createClient, decodeSSE, type ServerSentEvent } from '@chatwire/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ChatServer,
  type EmulatedChatServer,
  startChatServer,
  startEmulatedChatServer,
} from './chat-server.js';

/** The emulator scenario and its delay, taken from test headers by the server's code. */
function scenario(request: { headers: Record<string, string | string[] | undefined> }) {
  return {
    headers: {
      'x-emulator-scenario': String(request.headers['x-test-scenario']),
      'x-emulator-delay-ms': String(request.headers['x-test-delay-ms']),
    },
  };
}

let chat: EmulatedChatServer;
let retrying: ChatServer;
const retryingClient = () =>
  createClient({
    baseURL: chat.emulator.url,
    apiKey: 'server-key',
    provider: 'openai',
    maxRetries: 2,
  });
let client: ReturnType<typeof retryingClient>;

beforeAll(async () => {
  chat = await startEmulatedChatServer({
    defaultModel: 'gpt-4o-mini',
    portkeyOptions: scenario,
    firstByteTimeoutMs: 300,
    idleTimeoutMs: 300,
  });
  client = retryingClient();
  retrying = await startChatServer({
    client,
    defaultModel: 'gpt-4o-mini',
    portkeyOptions: scenario,
    firstByteTimeoutMs: 300,
    idleTimeoutMs: 300,
    totalTimeoutMs: 700,
  });
});

afterAll(async () => {
  await retrying.close();
  await client.close();
  await chat.close();
});

const messages = [{ role: 'user', content: 'Tell me about the rivers of Europe, please.' }];

function ask(
  origin: string,
  name: string,
  delayMs: number,
  stream: boolean,
  traceId: string,
): Promise<Response> {
  return fetch(`${origin}/api/chat`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-test-scenario': name,
      'x-test-delay-ms': String(delayMs),
      'x-portkey-trace-id': traceId,
    },
    body: JSON.stringify({ messages, stream }),
  });
}

async function events(response: Response): Promise<ServerSentEvent[]> {
  const all: ServerSentEvent[] = [];
  for await (const event of decodeSSE(response.body!)) all.push(event);
  return all;
}

async function expectTimeoutJson(response: Response, traceId: string): Promise<void> {
  expect(response.status).toBe(504);
  expect(response.headers.get('x-portkey-trace-id')).toBe(traceId);
  const body = (await response.json()) as { error: { code: string } };
  expect(body.error.code).toBe('upstream_timeout');
}

function expectTimeoutEvent(all: ServerSentEvent[]): void {
  const last = all.at(-1)!;
  expect(last.event).toBe('error');
  expect((JSON.parse(last.data) as { error: { code: string } }).error.code).toBe(
    'upstream_timeout',
  );
}

describe('a silent upstream', () => {
  it.each([false, true])(
    'that sends no first byte is answered 504 with the trace id (stream: %s)',
    async (stream) => {
      const started = performance.now();
      const response = await ask(chat.origin, 'slow-first-byte', 10_000, stream, 'trace-ttfb');
      await expectTimeoutJson(response, 'trace-ttfb');
      expect(performance.now() - started).toBeLessThan(2_000);
    },
  );

  it('that goes silent mid-stream ends the stream with event: error', async () => {
    const response = await ask(chat.origin, 'slow-stream', 10_000, true, 'trace-idle');
    expect(response.status).toBe(200);
    expect(response.headers.get('x-portkey-trace-id')).toBe('trace-idle');
    const started = performance.now();
    expectTimeoutEvent(await events(response));
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe('the total bound', () => {
  it("cuts the client's retries short with a 504", async () => {
    const started = performance.now();
    const response = await ask(retrying.origin, 'slow-first-byte', 10_000, false, 'trace-total');
    await expectTimeoutJson(response, 'trace-total');
    expect(performance.now() - started).toBeLessThan(1_200);
  });

  it('ends a stream that runs too long with event: error', async () => {
    const response = await ask(retrying.origin, 'slow-stream', 150, true, 'trace-long');
    expect(response.status).toBe(200);
    expect(response.headers.get('x-portkey-trace-id')).toBe('trace-long');
    expectTimeoutEvent(await events(response));
  });
});
