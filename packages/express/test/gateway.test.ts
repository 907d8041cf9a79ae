import { type ChatwireClient, createClient, decodeSSE } from '@chatwire/core';
import { type Emulator, startEmulator } from '@chatwire/emulator';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningGateway, startGateway } from '../../emulator/test/support/gateway.js';
import { type ChatServer, startChatServer } from './chat-server.js';

let emulator: Emulator;
let gateway: RunningGateway;
let client: ChatwireClient;
let chat: ChatServer;

beforeAll(async () => {
  emulator = await startEmulator();
  gateway = await startGateway();
  client = createClient({
    baseURL: gateway.url,
    apiKey: null,
    provider: 'openai',
    customHost: emulator.url,
    authorization: 'Bearer server-provider-key',
    maxRetries: 0,
  });
  chat = await startChatServer({ client, defaultModel: 'gpt-4o-mini' });
}, 30_000);

afterAll(async () => {
  await chat.close();
  await client.close();
  await gateway?.close();
  await emulator?.close();
});

const messages = [{ role: 'user', content: 'Name three rivers of Europe.' }];

// What a browser might try in order to reroute the request through the gateway.
const browserRouting = {
  'x-portkey-custom-host': 'http://127.0.0.1:1/v1',
  'x-portkey-provider': 'anthropic',
  authorization: 'Bearer browser-key',
};

describe('browser → middleware → Portkey gateway → upstream', () => {
  it('streams an answer through the gateway', async () => {
    const response = await fetch(`${chat.origin}/api/chat`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-request-id': 'via-gateway',
        ...browserRouting,
      },
      body: JSON.stringify({ messages, stream: true, custom_host: 'http://127.0.0.1:1/v1' }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-portkey-trace-id')).toBe('via-gateway');
    const events: string[] = [];
    for await (const event of decodeSSE(response.body!)) events.push(event.data);
    expect(events.at(-1)).toBe('[DONE]');
    const text = events
      .slice(0, -1)
      .map((data) => JSON.parse(data).choices?.[0]?.delta?.content ?? '')
      .join('');
    expect(text).toContain('rivers');

    const recorded = emulator.requests.at(-1)!;
    expect(recorded.headers.authorization).toBe('Bearer server-provider-key');
    expect(recorded.body).not.toContain('127.0.0.1:1');
  });

  it('answers JSON through the gateway', async () => {
    const response = await request(chat.origin)
      .post('/api/chat')
      .set(browserRouting)
      .send({ messages });
    expect(response.status).toBe(200);
    expect(response.body.choices[0].message.content).toContain('rivers');
    expect(emulator.requests.at(-1)!.headers.authorization).toBe('Bearer server-provider-key');
  });
});
