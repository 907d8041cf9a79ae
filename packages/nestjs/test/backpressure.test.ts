import 'reflect-metadata';
import { once } from 'node:events';
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatwireModule } from '../src/index.js';
import { PLATFORM, startApp } from './support/nest-app.js';

// The emulator's answers are short; this stand-in streams megabytes, honouring its own
// socket's backpressure, and counts what it managed to send.
const EVENT = `data: ${JSON.stringify({
  id: 'c',
  object: 'chat.completion.chunk',
  created: 1,
  model: 'm',
  choices: [{ index: 0, delta: { content: 'x'.repeat(1000) }, finish_reason: null }],
})}\n\n`;
const EVENT_COUNT = 20_000;
const FINAL = `data: ${JSON.stringify({
  id: 'c',
  object: 'chat.completion.chunk',
  created: 1,
  model: 'm',
  choices: [{ index: 0, delta: {}, finish_reason: 'stop' }],
})}\n\ndata: [DONE]\n\n`;

let upstream: Server;
let upstreamSent = 0;
let app: INestApplication;
let origin: string;
let buffered: number[] = [];
let sampler: ReturnType<typeof setInterval> | undefined;

beforeAll(async () => {
  upstream = createServer(async (request, response) => {
    for await (const _piece of request) {
      // The request body is not needed.
    }
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    for (let index = 0; index < EVENT_COUNT && !response.destroyed; index++) {
      upstreamSent++;
      if (!response.write(EVENT)) await once(response, 'drain');
    }
    response.end(FINAL);
  });
  upstream.listen(0, '127.0.0.1');
  await once(upstream, 'listening');
  const moduleRef = await Test.createTestingModule({
    imports: [
      ChatwireModule.forRoot({
        baseURL: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/v1`,
        apiKey: 'server-key',
        maxRetries: 0,
        endpoint: {
          path: 'api/chat',
          defaultModel: 'm',
          onRequest: ({ response }) => {
            sampler = setInterval(() => buffered.push(response.writableLength), 5);
            response.once('close', () => clearInterval(sampler));
            return undefined;
          },
        },
      }),
    ],
  }).compile();
  ({ app, origin } = await startApp(moduleRef));
});

afterAll(async () => {
  clearInterval(sampler);
  await app.close();
  upstream.closeAllConnections();
  await new Promise((resolve) => upstream.close(resolve));
});

describe(`backpressure on ${PLATFORM}`, () => {
  it('holds the upstream back while the browser pauses, with bounded buffers', async () => {
    buffered = [];
    const response = await new Promise<IncomingMessage>((resolve, reject) => {
      const outgoing = httpRequest(`${origin}/api/chat`, {
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
    expect(upstreamSent).toBeLessThan(EVENT_COUNT / 2);
    expect(buffered.length).toBeGreaterThan(0);
    expect(Math.max(...buffered)).toBeLessThan(256 * 1024);

    let received = 0;
    response.on('data', (piece: Buffer) => {
      received += piece.length;
    });
    response.resume();
    await once(response, 'end');
    expect(upstreamSent).toBe(EVENT_COUNT);
    expect(received).toBeGreaterThan(EVENT.length * EVENT_COUNT);
  });
});
