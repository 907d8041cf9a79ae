import { type ChatCompletion, type ChatwireClient, decodeSSE } from '@chatwire/core';
import { type Emulator, startEmulator } from '@chatwire/emulator';
import express from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatFinishInfo } from '../src/index.js';
import { type ChatServer, serverClient, startChatServer } from './chat-server.js';

let emulator: Emulator;
let client: ChatwireClient;
let chat: ChatServer;
let parsedFirst: ChatServer;
const finished: ChatFinishInfo[] = [];

beforeAll(async () => {
  emulator = await startEmulator();
  client = serverClient(emulator);
  const options = {
    client,
    defaultModel: 'gpt-4o-mini',
    portkeyOptions: () => ({ spanName: 'chat-turn', metadata: { _user: 'user-1' } }),
    onFinish: (info: ChatFinishInfo) => {
      finished.push(info);
    },
  };
  chat = await startChatServer(options);
  parsedFirst = await startChatServer(options, (app) => app.use(express.json()));
});

afterAll(async () => {
  await chat.close();
  await parsedFirst.close();
  await client.close();
  await emulator.close();
});

const messages = [{ role: 'user', content: 'What is the tallest mountain on Earth?' }];

async function eventsOf(text: string): Promise<Array<{ event: string; data: string }>> {
  const events: Array<{ event: string; data: string }> = [];
  for await (const event of decodeSSE(new Response(text).body!)) events.push(event);
  return events;
}

describe('answers', () => {
  it('streams the upstream’s events with SSE headers and the trace id', async () => {
    const response = await fetch(`${chat.origin}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ messages, stream: true }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    expect(response.headers.get('cache-control')).toBe('no-cache, no-transform');
    expect(response.headers.get('x-accel-buffering')).toBe('no');
    const traceId = response.headers.get('x-portkey-trace-id');
    expect(traceId).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get('access-control-expose-headers')).toContain('x-portkey-trace-id');

    const events = await eventsOf(await response.text());
    expect(events.at(-1)?.data).toBe('[DONE]');
    const chunks = events.slice(0, -1).map((event) => JSON.parse(event.data));
    // The browser did not ask for usage: every chunk it gets has a choice to read.
    const text = chunks.map((chunk) => chunk.choices[0].delta?.content ?? '').join('');
    expect(text).toContain('tallest');
    expect(chunks.some((chunk) => chunk.usage != null)).toBe(false);

    const recorded = emulator.requests.at(-1)!;
    expect(recorded.headers['x-portkey-trace-id']).toBe(traceId);
    expect(recorded.headers['x-portkey-span-name']).toBe('chat-turn');
    expect(JSON.parse(recorded.headers['x-portkey-metadata']!)).toEqual({ _user: 'user-1' });

    const info = finished.find((entry) => entry.traceId === traceId)!;
    expect(info).toMatchObject({ stream: true, aborted: false, finishReason: 'stop' });
    expect(info.usage?.total_tokens).toBeGreaterThan(0);
    expect(info.completion?.choices[0]?.message.content).toBe(text);
  });

  it('passes the usage chunk on to a browser that asked for it', async () => {
    const response = await fetch(`${chat.origin}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ messages, stream: true, stream_options: { include_usage: true } }),
    });
    const events = await eventsOf(await response.text());
    expect(events.at(-1)?.data).toBe('[DONE]');
    const last = JSON.parse(events.at(-2)?.data ?? '{}');
    expect(last.choices).toEqual([]);
    expect(last.usage.total_tokens).toBeGreaterThan(0);
    const traceId = response.headers.get('x-portkey-trace-id');
    const info = finished.find((entry) => entry.traceId === traceId);
    expect(info?.usage).toEqual(last.usage);
  });

  it('answers JSON with the upstream body when not streamed', async () => {
    const response = await request(chat.origin).post('/api/chat').send({ messages });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toContain('application/json');
    const completion = response.body as ChatCompletion;
    expect(completion.object).toBe('chat.completion');
    expect(completion.choices[0]?.message.content).toContain('tallest');
    const info = finished.at(-1)!;
    expect(info).toMatchObject({ stream: false, status: 200, finishReason: 'stop' });
    expect(info.usage).toEqual(completion.usage);
  });

  it('uses the body a body parser already read', async () => {
    const response = await request(parsedFirst.origin).post('/api/chat').send({ messages });
    expect(response.status).toBe(200);
    expect(response.body.choices[0].message.content).toContain('tallest');
  });

  it('takes the trace id from traceparent, then x-request-id', async () => {
    const traced = await request(chat.origin)
      .post('/api/chat')
      .set('traceparent', '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01')
      .set('x-request-id', 'req-123')
      .send({ messages });
    expect(traced.headers['x-portkey-trace-id']).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(emulator.requests.at(-1)!.headers['x-portkey-trace-id']).toBe(
      '4bf92f3577b34da6a3ce929d0e0e4736',
    );

    const requested = await request(chat.origin)
      .post('/api/chat')
      .set('x-request-id', 'req-123')
      .send({ messages });
    expect(requested.headers['x-portkey-trace-id']).toBe('req-123');
    expect(emulator.requests.at(-1)!.headers['x-portkey-trace-id']).toBe('req-123');
  });

  it('replaces an unsafe incoming trace id with a fresh one', async () => {
    const response = await request(chat.origin)
      .post('/api/chat')
      .set('x-request-id', 'x'.repeat(200))
      .send({ messages });
    const traceId = response.headers['x-portkey-trace-id'];
    expect(traceId).toMatch(/^[0-9a-f-]{36}$/);
    expect(emulator.requests.at(-1)!.headers['x-portkey-trace-id']).toBe(traceId);
  });

  it('returns the trace id on refusals too', async () => {
    const response = await request(chat.origin)
      .post('/api/chat')
      .set('x-request-id', 'req-refused')
      .send({ messages: [] });
    expect(response.status).toBe(400);
    expect(response.headers['x-portkey-trace-id']).toBe('req-refused');
  });
});
