import { once } from 'node:events';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmulatedChatServer, startEmulatedChatServer } from './chat-server.js';

let chat: EmulatedChatServer;

beforeAll(async () => {
  chat = await startEmulatedChatServer({ defaultModel: 'gpt-4o-mini', bodyTimeoutMs: 300 });
});

afterAll(() => chat.close());

describe('a body that trickles in', () => {
  it('is answered 408 as JSON once bodyTimeoutMs has passed, and its connection closed', async () => {
    const { port } = new URL(chat.origin);
    const socket = net.connect(Number(port), '127.0.0.1');
    await once(socket, 'connect');
    const body = JSON.stringify({ messages: [{ role: 'user', content: 'Hi' }] });
    socket.write(
      `POST /api/chat HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`,
    );
    let sent = 0;
    const trickle = setInterval(() => {
      if (sent < body.length && socket.writable) socket.write(body[sent++]!);
    }, 50);
    const started = performance.now();
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (text: string) => {
      answer += text;
    });
    socket.on('error', () => {});
    await once(socket, 'close');
    clearInterval(trickle);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(answer.toLowerCase()).toContain('connection: close');
    expect(answer.toLowerCase()).toContain('content-type: application/json');
    const json = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as {
      error: { code: string };
    };
    expect(json.error.code).toBe('request_timeout');
  });
});
