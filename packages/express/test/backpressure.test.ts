import { once } from 'node:events';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { type ChatwireClient, createClient } from '@chatwire/core';
import { type CountingUpstream, startCountingUpstream } from '@chatwire/endpoint-contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChatServer, startChatServer } from './chat-server.js';

const EVENT_COUNT = 20_000;

let upstream: CountingUpstream;
let client: ChatwireClient;
let chat: ChatServer;
let buffered: number[] = [];
let sampler: ReturnType<typeof setInterval> | undefined;

beforeAll(async () => {
  upstream = await startCountingUpstream(EVENT_COUNT);
  client = createClient({
    baseURL: upstream.url,
    apiKey: 'server-key',
    maxRetries: 0,
  });
  chat = await startChatServer({
    client,
    defaultModel: 'm',
    onRequest: ({ response }) => {
      sampler = setInterval(() => buffered.push(response.writableLength), 5);
      response.once('close', () => clearInterval(sampler));
      return undefined;
    },
  });
});

afterAll(async () => {
  clearInterval(sampler);
  await chat.close();
  await client.close();
  await upstream.close();
});

describe('backpressure', () => {
  it('holds the upstream back while the browser pauses, with bounded buffers', async () => {
    buffered = [];
    const response = await new Promise<IncomingMessage>((resolve, reject) => {
      const outgoing = httpRequest(`${chat.origin}/api/chat`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
      });
      outgoing.on('response', resolve);
      outgoing.on('error', reject);
      outgoing.end(JSON.stringify({ messages: [{ role: 'user', content: 'Hi' }], stream: true }));
    });
    response.pause();
    // Give every buffer between the upstream and the paused browser time to fill.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const sentWhilePaused = upstream.sent;
    expect(sentWhilePaused).toBeLessThan(EVENT_COUNT / 2);
    expect(buffered.length).toBeGreaterThan(0);
    expect(Math.max(...buffered)).toBeLessThan(256 * 1024);

    let received = 0;
    response.on('data', (piece: Buffer) => {
      received += piece.length;
    });
    response.resume();
    await once(response, 'end');
    expect(upstream.sent).toBe(EVENT_COUNT);
    expect(received).toBeGreaterThan(upstream.eventBytes * EVENT_COUNT);
  });
});
