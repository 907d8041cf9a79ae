import 'reflect-metadata';
import { once } from 'node:events';
import net from 'node:net';
import { decodeSSE } from '@chatwire/core';
import { type Emulator, startEmulator } from '@chatwire/emulator';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatwireModule } from '../src/index.js';
import { PLATFORM, startApp } from './support/nest-app.js';
import { postJSON } from './support/post-json.js';

let emulator: Emulator;
let app: INestApplication;
let origin: string;

beforeAll(async () => {
  emulator = await startEmulator();
  const moduleRef = await Test.createTestingModule({
    imports: [
      ChatwireModule.forRoot({
        baseURL: emulator.url,
        apiKey: 'server-key',
        maxRetries: 0,
        endpoint: {
          path: 'api/chat',
          defaultModel: 'gpt-4o-mini',
          allowedModels: (model) => model === 'gpt-4o-mini' || model.startsWith('scenario:'),
          portkeyOptions: () => ({ headers: { 'x-emulator-delay-ms': '10000' } }),
          bodyTimeoutMs: 300,
          firstByteTimeoutMs: 300,
          idleTimeoutMs: 300,
        },
      }),
    ],
  }).compile();
  ({ app, origin } = await startApp(moduleRef));
});

afterAll(async () => {
  await app.close();
  await emulator.close();
});

const MB = 1024 * 1024;
const user = '{"role":"user","content":"Hi"}';
const nested = (levels: number): string => `${'['.repeat(levels)}${']'.repeat(levels)}`;
const places: Array<[string, (deep: string) => string]> = [
  ['an extra message field', (deep) => `{"messages":[{"role":"user","content":"Hi","x":${deep}}]}`],
  [
    "a tool's parameters",
    (deep) =>
      `{"messages":[${user}],"tools":[{"type":"function","function":{"name":"f","parameters":{"type":"object","properties":{"a":${deep}}}}}]}`,
  ],
  [
    'a response_format schema',
    (deep) =>
      `{"messages":[${user}],"response_format":{"type":"json_schema","json_schema":{"name":"s","schema":${deep}}}}`,
  ],
];
const deepCases = places.flatMap(([place, body]) =>
  [5_000, 100_000].map((levels) => [place, levels, body(nested(levels))] as const),
);

/** Opens a raw, half-open connection and sends a request head; collects the answer and errors. */
async function rawRequest(head: string) {
  const socket = net.connect({
    port: Number(new URL(origin).port),
    host: '127.0.0.1',
    allowHalfOpen: true,
  });
  await once(socket, 'connect');
  const closed = new Promise((resolve) => socket.once('close', resolve));
  const seen = { answer: '', errors: [] as string[] };
  socket.setEncoding('latin1');
  socket.on('data', (text: string) => {
    seen.answer += text;
  });
  socket.on('error', (error: NodeJS.ErrnoException) => seen.errors.push(error.code ?? ''));
  socket.write(head);
  return { socket, closed, seen };
}

describe(`the Nest endpoint on ${PLATFORM} refuses hostile requests`, () => {
  it.each(deepCases)('JSON nested in %s, %i levels deep: 400', async (_place, _levels, body) => {
    const response = await postJSON(`${origin}/api/chat`, body);
    expect(response.status).toBe(400);
    const answer = (await response.json()) as { error: { code: string; message: string } };
    expect(answer.error.code).toBe('json_too_deep');
    expect(answer.error.message).toContain('64 levels');
  });

  it('a client that goes on uploading after the 413 reads it without a reset', async () => {
    const size = 8 * MB;
    const { socket, closed, seen } = await rawRequest(
      `POST /api/chat HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${size}\r\n\r\n`,
    );
    const block = Buffer.alloc(MB, 0x20);
    socket.write(block);
    await new Promise((resolve) => setTimeout(resolve, 200));
    for (let sent = MB; sent < size && socket.writable; sent += MB) {
      if (!socket.write(block)) await Promise.race([once(socket, 'drain'), closed]);
    }
    socket.end();
    await closed;
    expect(seen.answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(seen.errors).toEqual([]);
  });
});

// On Fastify the adapter reads the body before the endpoint, whose bodyTimeoutMs then does not
// apply (the adapter's requestTimeout bounds a slow upload).
if (PLATFORM === 'Express') {
  describe('the Nest endpoint on Express, reading the body itself', () => {
    it('a body trickling in is answered 408 after bodyTimeoutMs, and the connection closed', async () => {
      const { socket, closed, seen } = await rawRequest(
        'POST /api/chat HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{',
      );
      const trickle = setInterval(() => socket.writable && socket.write(' '), 50);
      const started = performance.now();
      await closed;
      clearInterval(trickle);
      expect(performance.now() - started).toBeLessThan(2_000);
      expect(seen.answer).toMatch(/^HTTP\/1\.1 408 /);
      expect(seen.answer).toContain('"request_timeout"');
    });
  });
}

describe(`the Nest endpoint on ${PLATFORM} bounds a silent upstream`, () => {
  it('no first byte: 504 with the trace id', async () => {
    const response = await postJSON(
      `${origin}/api/chat`,
      JSON.stringify({
        model: 'scenario:slow-first-byte',
        messages: [{ role: 'user', content: 'Hi' }],
      }),
      { 'x-portkey-trace-id': 'nest-ttfb' },
    );
    expect(response.status).toBe(504);
    expect(response.headers.get('x-portkey-trace-id')).toBe('nest-ttfb');
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      'upstream_timeout',
    );
  });

  it('silent mid-stream: event: error after the chunks so far', async () => {
    const response = await postJSON(
      `${origin}/api/chat`,
      JSON.stringify({
        model: 'scenario:slow-stream',
        stream: true,
        messages: [{ role: 'user', content: 'Hi' }],
      }),
      { 'x-portkey-trace-id': 'nest-idle' },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('x-portkey-trace-id')).toBe('nest-idle');
    let last: { event: string; data: string } | undefined;
    for await (const event of decodeSSE(response.body!)) last = event;
    expect(last?.event).toBe('error');
    expect(last?.data).toContain('"upstream_timeout"');
  });
});
