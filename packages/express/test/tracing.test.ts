import { once } from 'node:events';
import { connect } from 'node:net';
import type { ChatwireClient } from '@chatwire/core';
import { type Emulator, startEmulator } from '@chatwire/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatFinishInfo } from '../src/index.js';
import { type ChatServer, serverClient, startChatServer } from './chat-server.js';

const traceId = '0af7651916cd43dd8448eb211c80319c';
const parentId = 'b7ad6b7169203331';
const messages = [{ role: 'user', content: 'What is the tallest mountain on Earth?' }];
const finished: ChatFinishInfo[] = [];
let emulator: Emulator;
let client: ChatwireClient;
let chat: ChatServer;

beforeAll(async () => {
  emulator = await startEmulator();
  client = serverClient(emulator);
  chat = await startChatServer({
    client,
    defaultModel: 'gpt-4o-mini',
    spanName: 'support.chat',
    onFinish: (info) => {
      finished.push(info);
    },
  });
});

afterAll(async () => {
  await chat.close();
  await client.close();
  await emulator.close();
});

/** Asks as a page does: a streamed answer, with the headers its own tracing added. */
async function askFromPage(headers: Record<string, string>): Promise<Response> {
  const response = await fetch(`${chat.origin}/api/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ messages, stream: true }),
  });
  await response.text();
  return response;
}

describe('a page’s traceparent', () => {
  it('reaches the upstream as Portkey’s trace, parent span, fresh span and span name', async () => {
    const response = await askFromPage({ traceparent: `00-${traceId}-${parentId}-01` });
    const upstream = emulator.requests.at(-1)!.headers;
    const spanId = upstream['x-portkey-span-id']!;
    expect(spanId).toMatch(/^[0-9a-f]{16}$/);
    expect(spanId).not.toBe(parentId);
    expect(upstream['x-portkey-trace-id']).toBe(traceId);
    expect(upstream['x-portkey-parent-span-id']).toBe(parentId);
    expect(upstream['x-portkey-span-name']).toBe('support.chat');
    expect(upstream.traceparent).toBe(`00-${traceId}-${spanId}-01`);

    expect(response.headers.get('x-portkey-trace-id')).toBe(traceId);
    expect(response.headers.get('x-portkey-span-id')).toBe(spanId);
    const exposed = response.headers.get('access-control-expose-headers');
    expect(exposed).toContain('x-portkey-trace-id');
    expect(exposed).toContain('x-portkey-span-id');
    await expect
      .poll(() => finished.find((info) => info.traceId === traceId)?.context.spanId)
      .toBe(spanId);
  });

  it.each([
    ['of the wrong length', `00-${traceId}-${parentId.slice(1)}-01`],
    ['in uppercase', `00-${traceId.toUpperCase()}-${parentId}-01`],
    ['with an all-zero trace-id', `00-${'0'.repeat(32)}-${parentId}-01`],
    ['with an all-zero parent-id', `00-${traceId}-${'0'.repeat(16)}-01`],
    ['of version ff', `ff-${traceId}-${parentId}-01`],
  ])('is not forwarded when it is %s', async (_, traceparent) => {
    const response = await askFromPage({ traceparent });
    const upstream = emulator.requests.at(-1)!.headers;
    const sent = `${upstream['x-portkey-trace-id']} ${upstream['x-portkey-parent-span-id']}`;
    expect(sent).not.toContain(traceId);
    expect(sent).not.toContain(parentId);
    expect(upstream['x-portkey-parent-span-id']).toBeUndefined();
    expect(upstream.traceparent).toBeUndefined();
    expect(response.headers.get('x-portkey-trace-id')).toBe(upstream['x-portkey-trace-id']);
  });

  it('with a CR LF and a header of its own is refused before it reaches the upstream', async () => {
    const before = emulator.requests.length;
    const body = JSON.stringify({ messages });
    const socket = connect(Number(new URL(chat.origin).port), '127.0.0.1');
    await once(socket, 'connect');
    socket.end(
      `POST /api/chat HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n` +
        `traceparent: 00-${traceId}-${parentId}-01\rx-portkey-api-key: stolen\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
    let answer = '';
    for await (const piece of socket) answer += String(piece);
    expect(answer).toMatch(/^HTTP\/1\.1 400/);
    expect(emulator.requests.length).toBe(before);
  });
});
