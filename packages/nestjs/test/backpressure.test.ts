import 'reflect-metadata';
import { once } from 'node:events';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { type CountingUpstream, startCountingUpstream } from '@chatwire/endpoint-contract';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatwireModule } from '../src/index.js';
import { PLATFORM, startApp } from './support/nest-app.js';

const EVENT_COUNT = 20_000;

let upstream: CountingUpstream;
let app: INestApplication;
let origin: string;
let buffered: number[] = [];
let sampler: ReturnType<typeof setInterval> | undefined;

beforeAll(async () => {
  upstream = await startCountingUpstream(EVENT_COUNT);
  const moduleRef = await Test.createTestingModule({
    imports: [
      ChatwireModule.forRoot({
        baseURL: upstream.url,
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
  await upstream.close();
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
    expect(upstream.sent).toBeLessThan(EVENT_COUNT / 2);
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
