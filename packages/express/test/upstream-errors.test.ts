import { decodeSSE } from '@chatwire/core';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type EmulatedChatServer,
  scenarioFromTestHeader,
  startChatServer,
  startEmulatedChatServer,
  TEST_SCENARIO_HEADER,
} from './chat-server.js';

let chat: EmulatedChatServer;
const errors: unknown[] = [];

beforeAll(async () => {
  chat = await startEmulatedChatServer({
    defaultModel: 'gpt-4o-mini',
    portkeyOptions: scenarioFromTestHeader,
    onError: (error) => {
      errors.push(error);
    },
  });
});

afterAll(() => chat.close());

const messages = [{ role: 'user', content: 'Tell me about the rivers of Europe, please.' }];

async function streamWith(
  scenario: string,
): Promise<{ status: number; events: Array<{ event: string; data: string }> }> {
  const response = await fetch(`${chat.origin}/api/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [TEST_SCENARIO_HEADER]: scenario },
    body: JSON.stringify({ messages, stream: true }),
  });
  const events: Array<{ event: string; data: string }> = [];
  if (response.body !== null) {
    for await (const event of decodeSSE(response.body)) events.push(event);
  }
  return { status: response.status, events };
}

describe('upstream errors', () => {
  it.each([
    ['rate-limit', 429],
    ['server-error', 500],
  ])(
    'before a stream: %s keeps the upstream status, as OpenAI-shaped JSON',
    async (scenario, status) => {
      const response = await request(chat.origin)
        .post('/api/chat')
        .set(TEST_SCENARIO_HEADER, scenario)
        .send({ messages, stream: true });
      expect(response.status).toBe(status);
      expect(response.headers['content-type']).toContain('application/json');
      expect(typeof response.body.error.message).toBe('string');
      expect(response.body.error).toHaveProperty('type');
      expect(response.body.error).toHaveProperty('code');
      expect(response.body.error).toHaveProperty('param');
    },
  );

  it('a guardrail denial keeps its 446', async () => {
    const response = await request(chat.origin)
      .post('/api/chat')
      .set(TEST_SCENARIO_HEADER, 'guardrail-deny')
      .send({ messages });
    expect(response.status).toBe(446);
    expect(typeof response.body.error.message).toBe('string');
  });

  it('a guardrail warning answers 246 with the body', async () => {
    const response = await request(chat.origin)
      .post('/api/chat')
      .set(TEST_SCENARIO_HEADER, 'guardrail-warn')
      .send({ messages });
    expect(response.status).toBe(246);
    expect(response.body.object).toBe('chat.completion');
  });

  it('an error event during the stream reaches the browser as event: error, then the end', async () => {
    const { status, events } = await streamWith('error-event');
    expect(status).toBe(200);
    expect(events.length).toBeGreaterThan(1);
    const last = events.at(-1)!;
    expect(last.event).toBe('error');
    expect(JSON.parse(last.data)).toHaveProperty('error.message');
  });

  it('a stream cut short is reported as event: error shaped like the JSON errors', async () => {
    const { events } = await streamWith('truncated');
    const last = events.at(-1)!;
    expect(last.event).toBe('error');
    expect(JSON.parse(last.data)).toEqual({
      error: {
        message: 'The upstream stream ended before the answer was complete.',
        type: 'api_error',
        param: null,
        code: 'stream_truncated',
      },
    });
  });

  it('a dropped upstream connection is reported as event: error', async () => {
    const before = errors.length;
    const { events } = await streamWith('drop-connection');
    const last = events.at(-1)!;
    expect(last.event).toBe('error');
    const body = JSON.parse(last.data) as {
      error: { message: string; type: string; param: string | null; code: string };
    };
    expect(Object.keys(body.error).sort()).toEqual(['code', 'message', 'param', 'type']);
    expect(errors.length).toBeGreaterThan(before);
  });

  it('an unreachable upstream answers 502', async () => {
    const unreachable = await startChatServer({
      client: (await import('@chatwire/core')).createClient({
        baseURL: 'http://127.0.0.1:9/v1',
        apiKey: 'k',
        maxRetries: 0,
      }),
      defaultModel: 'gpt-4o-mini',
    });
    try {
      const response = await request(unreachable.origin).post('/api/chat').send({ messages });
      expect(response.status).toBe(502);
      expect(response.body.error.code).toBe('upstream_unreachable');
    } finally {
      await unreachable.close();
    }
  });
});
