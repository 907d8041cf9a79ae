import { once } from 'node:events';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { type ChatRequestError, readJsonBody } from '../../src/server/index.js';

let server: Server | undefined;

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

/** A server answering with what `readJsonBody` made of the request: the value or the error. */
async function serve(limit: number): Promise<string> {
  server = createServer(async (request, response) => {
    try {
      const value = await readJsonBody(request, { limit });
      response.end(JSON.stringify({ value }));
    } catch (error) {
      const refused = error as ChatRequestError;
      response.statusCode = refused.status;
      response.setHeader('connection', 'close');
      response.end(JSON.stringify({ code: refused.code }));
    }
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

async function post(
  url: string,
  body: BodyInit,
  contentType = 'application/json',
): Promise<{ status: number; json: unknown }> {
  const response = await fetch(url, {
    method: 'POST',
    body,
    headers: { 'content-type': contentType },
    duplex: 'half',
  } as RequestInit);
  return { status: response.status, json: await response.json() };
}

describe('readJsonBody', () => {
  it('parses a JSON body', async () => {
    const url = await serve(1000);
    expect(await post(url, '{"messages":[]}')).toEqual({
      status: 200,
      json: { value: { messages: [] } },
    });
  });

  it('parses a body of a declared length that arrives after the headers, in pieces', async () => {
    const url = await serve(1000);
    const text = JSON.stringify({ messages: [{ role: 'user', content: 'late' }] });
    const answer = await new Promise<string>((resolve, reject) => {
      const sending = request(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': String(text.length) },
      });
      sending.on('error', reject);
      sending.on('response', (response) => {
        let received = '';
        response.setEncoding('utf8');
        response.on('data', (piece: string) => {
          received += piece;
        });
        response.on('end', () => resolve(received));
      });
      sending.flushHeaders();
      const half = text.length >> 1;
      setTimeout(() => sending.write(text.slice(0, half)), 20);
      setTimeout(() => sending.end(text.slice(half)), 40);
    });
    expect(JSON.parse(answer)).toEqual({ value: JSON.parse(text) });
  });

  it('accepts a +json media type with parameters', async () => {
    const url = await serve(1000);
    const answer = await post(url, '{"a":1}', 'application/vnd.chat+json; charset=utf-8');
    expect(answer.json).toEqual({ value: { a: 1 } });
  });

  it('refuses malformed JSON with 400', async () => {
    const url = await serve(1000);
    expect(await post(url, '{"messages": [')).toEqual({
      status: 400,
      json: { code: 'invalid_json' },
    });
  });

  it('refuses a non-JSON content type with 415', async () => {
    const url = await serve(1000);
    const answer = await post(url, '{"messages":[]}', 'text/plain');
    expect(answer).toEqual({ status: 415, json: { code: 'unsupported_media_type' } });
  });

  it('refuses a body declared larger than the limit with 413', async () => {
    const url = await serve(100);
    const answer = await post(url, JSON.stringify({ text: 'x'.repeat(200) }));
    expect(answer).toEqual({ status: 413, json: { code: 'request_too_large' } });
  });

  it('refuses a chunked body once it passes the limit with 413', async () => {
    const url = await serve(100);
    const piece = new TextEncoder().encode(`"${'x'.repeat(60)}",`);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === 0) controller.enqueue(new TextEncoder().encode('['));
        if (sent < 5) controller.enqueue(piece);
        else controller.close();
        sent++;
      },
    });
    const answer = await post(url, body);
    expect(answer).toEqual({ status: 413, json: { code: 'request_too_large' } });
  });
});
