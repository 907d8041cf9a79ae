import { once } from 'node:events';
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { SSEResponseWriter } from '../../src/server/sse-response-writer.js';

let server: Server | undefined;

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

async function serve(handler: (response: ServerResponse) => void | Promise<void>): Promise<string> {
  server = createServer((_request, response) => void handler(response));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

function get(url: string): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(url, resolve);
    outgoing.on('error', reject);
    outgoing.end();
  });
}

async function readAll(response: IncomingMessage): Promise<string> {
  let text = '';
  response.setEncoding('utf8');
  for await (const piece of response) text += piece;
  return text;
}

describe('SSEResponseWriter', () => {
  it('sends the SSE headers at once and the events as written', async () => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const url = await serve(async (response) => {
      const writer = new SSEResponseWriter(response);
      writer.start(200, { 'x-portkey-trace-id': 't-1' });
      await released;
      writer.write('data: {"a":1}\n\n');
      writer.write('data: [DONE]\n\n');
      writer.end();
    });
    const response = await get(url);
    // The headers arrived while the handler still waits to write the first event.
    expect(response.headers['content-type']).toBe('text/event-stream');
    expect(response.headers['cache-control']).toBe('no-cache, no-transform');
    expect(response.headers['x-accel-buffering']).toBe('no');
    expect(response.headers.connection).toBe('keep-alive');
    expect(response.headers['x-portkey-trace-id']).toBe('t-1');
    release();
    expect(await readAll(response)).toBe('data: {"a":1}\n\ndata: [DONE]\n\n');
  });

  it('writes a keep-alive comment during a silence', async () => {
    const url = await serve((response) => {
      const writer = new SSEResponseWriter(response, { keepAliveMs: 20 });
      writer.start();
      response.once('close', () => writer.end());
    });
    const response = await get(url);
    response.setEncoding('utf8');
    const [first] = (await once(response, 'data')) as [string];
    expect(first).toBe(': keep-alive\n\n');
    response.destroy();
  });

  it('reports backpressure and keeps the buffered bytes bounded while the reader pauses', async () => {
    const event = `data: ${'x'.repeat(16 * 1024)}\n\n`;
    const total = 400;
    const samples: number[] = [];
    let sawFull = false;
    let written = 0;
    const url = await serve(async (response) => {
      const writer = new SSEResponseWriter(response);
      writer.start();
      for (let index = 0; index < total && !writer.closed; index++) {
        if (!writer.write(event)) {
          sawFull = true;
          samples.push(response.writableLength);
          await writer.drained();
        }
        written++;
      }
      writer.end();
    });
    const response = await get(url);
    response.pause();
    // Let the server fill every buffer between it and the paused reader.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const writtenWhilePaused = written;
    expect(writtenWhilePaused).toBeLessThan(total);
    response.resume();
    const text = await readAll(response);
    expect(text.length).toBe(event.length * total);
    expect(sawFull).toBe(true);
    for (const buffered of samples) expect(buffered).toBeLessThan(256 * 1024);
  });

  it('notices the reader leaving and releases a writer waiting for drain', async () => {
    const event = `data: ${'y'.repeat(64 * 1024)}\n\n`;
    let finished!: (outcome: { closed: boolean; writes: number }) => void;
    const outcome = new Promise<{ closed: boolean; writes: number }>((resolve) => {
      finished = resolve;
    });
    const url = await serve(async (response) => {
      const writer = new SSEResponseWriter(response);
      writer.start();
      let writes = 0;
      while (!writer.closed && writes < 10_000) {
        if (!writer.write(event)) await writer.drained();
        writes++;
      }
      finished({ closed: writer.closed, writes });
    });
    const response = await get(url);
    response.pause();
    await new Promise((resolve) => setTimeout(resolve, 100));
    response.destroy();
    const result = await outcome;
    expect(result.closed).toBe(true);
    expect(result.writes).toBeLessThan(10_000);
  });

  it('ends with an OpenAI-shaped error event', async () => {
    const url = await serve((response) => {
      const writer = new SSEResponseWriter(response);
      writer.start();
      writer.fail({
        error: { message: 'boom', type: 'api_error', param: null, code: 'upstream_failed' },
      });
    });
    const text = await readAll(await get(url));
    expect(text).toBe(
      'event: error\ndata: {"error":{"message":"boom","type":"api_error","param":null,"code":"upstream_failed"}}\n\n',
    );
  });
});
