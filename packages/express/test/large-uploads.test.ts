import { once } from 'node:events';
import http from 'node:http';
import net from 'node:net';
import { request as undiciRequest } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmulatedChatServer, startEmulatedChatServer } from './chat-server.js';

let chat: EmulatedChatServer;

beforeAll(async () => {
  chat = await startEmulatedChatServer({ defaultModel: 'gpt-4o-mini' });
});

afterAll(() => chat.close());

const MB = 1024 * 1024;
const UPLOADS = 35;
const payload = Buffer.alloc(50 * MB, 0x20);

/** Sizes from 8 to 50 MB, spread over the uploads. */
function sizeOf(upload: number): number {
  return (8 + ((upload * 13) % 43)) * MB;
}

type Upload = (url: string, body: Buffer<ArrayBuffer>) => Promise<number>;

const viaUndici: Upload = async (url, body) => {
  const response = await undiciRequest(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  await response.body.dump();
  return response.statusCode;
};

const viaFetch: Upload = async (url, body) => {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  await response.arrayBuffer();
  return response.status;
};

/** node:http, sending the body in 1 MiB writes without a declared length (chunked). */
const viaNodeHttp: Upload = (url, body) =>
  new Promise((resolve, reject) => {
    const request = http.request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
    });
    request.on('response', (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    request.on('error', reject);
    let offset = 0;
    const writeMore = (): void => {
      while (offset < body.length) {
        const chunk = body.subarray(offset, offset + MB);
        offset += chunk.length;
        if (!request.write(chunk)) {
          request.once('drain', writeMore);
          return;
        }
      }
      request.end();
    };
    writeMore();
  });

describe('bodies of 8 to 50 MB are answered 413, read by the client without a reset', () => {
  it.each([
    ['undici', viaUndici],
    ['fetch', viaFetch],
    ['node:http', viaNodeHttp],
  ] as const)(`${UPLOADS} uploads with %s`, { timeout: 120_000 }, async (_client, upload) => {
    const outcomes: string[] = [];
    for (let index = 0; index < UPLOADS; index++) {
      try {
        outcomes.push(
          String(await upload(`${chat.origin}/api/chat`, payload.subarray(0, sizeOf(index)))),
        );
      } catch (error) {
        const cause = (error as { cause?: { code?: string } }).cause;
        outcomes.push((error as { code?: string }).code ?? cause?.code ?? String(error));
      }
    }
    expect(outcomes.filter((outcome) => outcome !== '413')).toEqual([]);
  });
});

describe('a client that goes on sending after the 413', () => {
  it('reads the 413 and finishes its upload without a reset', async () => {
    const size = 8 * MB;
    // Half-open, as HTTP clients are: the server's end of the answer does not end the upload.
    const socket = net.connect({
      port: Number(new URL(chat.origin).port),
      host: '127.0.0.1',
      allowHalfOpen: true,
    });
    await once(socket, 'connect');
    const closed = once(socket, 'close');
    const errors: string[] = [];
    socket.on('error', (error: NodeJS.ErrnoException) => errors.push(error.code ?? error.message));
    let answer = '';
    socket.setEncoding('latin1');
    socket.on('data', (text: string) => {
      answer += text;
    });
    socket.write(
      `POST /api/chat HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${size}\r\n\r\n`,
    );
    socket.write(payload.subarray(0, MB));
    // The server answers and ends its side meanwhile; the client only then sends the rest.
    await new Promise((resolve) => setTimeout(resolve, 200));
    for (let offset = MB; offset < size && socket.writable; offset += MB) {
      if (!socket.write(payload.subarray(offset, offset + MB))) {
        await Promise.race([once(socket, 'drain'), closed]);
      }
    }
    socket.end();
    await closed;
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(errors).toEqual([]);
  });
});
