import { once } from 'node:events';
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ChatwireClient, decodeSSE } from '@chatwire/core';
import { type Emulator, startEmulator } from '@chatwire/emulator';
import express4 from 'express4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ChatCompletionsMiddleware,
  type ChatFinishInfo,
  chatCompletions,
} from '../src/index.js';
import { serverClient } from './chat-server.js';

let emulator: Emulator;
let client: ChatwireClient;
let middleware: ChatCompletionsMiddleware;
let server: Server;
let origin: string;
const finished: ChatFinishInfo[] = [];

beforeAll(async () => {
  emulator = await startEmulator();
  client = serverClient(emulator);
  middleware = chatCompletions({
    client,
    defaultModel: 'gpt-4o-mini',
    portkeyOptions: (request) => {
      const scenario = request.headers['x-test-scenario'];
      return typeof scenario === 'string'
        ? { headers: { 'x-emulator-scenario': scenario, 'x-emulator-delay-ms': '200' } }
        : undefined;
    },
    onFinish: (info) => {
      finished.push(info);
    },
  });
  const app = express4();
  app.post('/api/chat', middleware);
  server = createServer(app);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await middleware.close();
  await client.close();
  await emulator.close();
});

const messages = [{ role: 'user', content: 'What is the tallest mountain on Earth?' }];

function post(body: object): Promise<Response> {
  return fetch(`${origin}/api/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

describe('on Express 4', () => {
  it('streams the answer as server-sent events ending with [DONE]', async () => {
    const response = await post({ messages, stream: true });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const data: string[] = [];
    for await (const event of decodeSSE(response.body!)) data.push(event.data);
    expect(data.at(-1)).toBe('[DONE]');
    const text = data
      .slice(0, -1)
      .map((json) => JSON.parse(json).choices[0].delta?.content ?? '')
      .join('');
    expect(text).toContain('tallest');
  });

  it('answers JSON when not streamed', async () => {
    const response = await post({ messages });
    expect(response.status).toBe(200);
    const completion = (await response.json()) as {
      choices: Array<{ message: { content: string } }>;
    };
    expect(completion.choices[0]?.message.content).toContain('tallest');
  });

  it('aborts the upstream call when the browser leaves mid-stream', async () => {
    const traceId = 'express4-leaves';
    const outgoing = httpRequest(`${origin}/api/chat`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-request-id': traceId,
        'x-test-scenario': 'slow-stream',
      },
    });
    const response = await new Promise<IncomingMessage>((resolve, reject) => {
      outgoing.once('response', resolve).once('error', reject);
      outgoing.end(JSON.stringify({ messages, stream: true }));
    });
    expect(response.statusCode).toBe(200);
    await once(response, 'data');
    response.destroy();
    const recorded = await emulator.waitForRequest(
      (entry) => entry.headers['x-portkey-trace-id'] === traceId && entry.aborted,
    );
    expect(recorded.aborted).toBe(true);
    await expect.poll(() => finished.find((info) => info.traceId === traceId)?.aborted).toBe(true);
  });
});
