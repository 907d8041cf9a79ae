import { setTimeout as delay } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIUserAbortError,
  createClient,
} from '../../src/index.js';
import { chunkEvent, request } from '../support/fixtures.js';
import { sendJSON, sendStream } from '../support/responses.js';
import { closeWhenTestEnds } from '../support/test-lifetime.js';
import { startServer } from '../support/test-server.js';

const streamRequest = { ...request, stream: true as const };

describe('streamed answers', () => {
  it('asks for an event stream and exposes the response metadata on the stream', async () => {
    const server = await startServer((_, response) =>
      sendStream(response, [chunkEvent('Hel'), chunkEvent('lo', 'stop'), 'data: [DONE]\n\n'], {
        'x-portkey-cache-status': 'HIT',
        'x-portkey-trace-id': 'trace-stream',
      }),
    );
    const client = closeWhenTestEnds(createClient({ baseURL: server.baseURL, apiKey: 'pk-test' }));
    const stream = await client.chat.completions.create(streamRequest);
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';

    expect(text).toBe('Hello');
    expect(server.requests[0]?.headers.accept).toBe('text/event-stream');
    expect(JSON.parse(server.requests[0]?.body ?? '').stream).toBe(true);
    expect(stream.meta).toMatchObject({ status: 200, cacheStatus: 'HIT', traceId: 'trace-stream' });
  });

  it('retries a failure that comes before the stream starts', async () => {
    const server = await startServer((_, response, index) => {
      if (index === 0)
        sendJSON(response, 503, { error: { message: 'busy' } }, { 'retry-after-ms': '1' });
      else sendStream(response, [chunkEvent('ok', 'stop'), 'data: [DONE]\n\n']);
    });
    const client = closeWhenTestEnds(createClient({ baseURL: server.baseURL, apiKey: 'pk-test' }));
    const stream = await client.chat.completions.create(streamRequest);
    expect(await stream.finalText()).toBe('ok');
    expect(server.requests).toHaveLength(2);
  });

  it('never retries once the stream has yielded', async () => {
    const server = await startServer((received, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write(chunkEvent('partial'), () => setTimeout(() => received.socket.destroy(), 10));
    });
    const client = closeWhenTestEnds(
      createClient({ baseURL: server.baseURL, apiKey: 'pk-test', maxRetries: 3 }),
    );
    const stream = await client.chat.completions.create(streamRequest);
    const seen: string[] = [];
    const failure = (async () => {
      for await (const chunk of stream) seen.push(chunk.choices[0]?.delta.content ?? '');
    })();
    await expect(failure).rejects.toBeInstanceOf(APIConnectionError);
    await expect(failure).rejects.toThrow(/broke off/);
    expect(seen).toEqual(['partial']);
    expect(server.requests).toHaveLength(1);
  });

  it('times out waiting for the headers of a stream', async () => {
    const server = await startServer(() => {});
    const client = closeWhenTestEnds(
      createClient({
        baseURL: server.baseURL,
        apiKey: 'pk-test',
        timeout: 80,
        maxRetries: 0,
      }),
    );
    await expect(client.chat.completions.create(streamRequest)).rejects.toBeInstanceOf(
      APIConnectionTimeoutError,
    );
  });

  it('times out a stream that goes silent between chunks, and closes the socket', async () => {
    const server = await startServer((_, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write(chunkEvent('first'));
    });
    const client = closeWhenTestEnds(
      createClient({ baseURL: server.baseURL, apiKey: 'pk-test', timeout: 100 }),
    );
    const stream = await client.chat.completions.create(streamRequest);
    const seen: string[] = [];
    const failure = (async () => {
      for await (const chunk of stream) seen.push(chunk.choices[0]?.delta.content ?? '');
    })();
    await expect(failure).rejects.toBeInstanceOf(APIConnectionTimeoutError);
    await expect(failure).rejects.toThrow(/no stream chunk/);
    expect(seen).toEqual(['first']);
    expect(server.requests).toHaveLength(1);
    await server.closed(server.requests[0]!.socket);
  });

  it('does not count a slow consumer as a silent server', async () => {
    const server = await startServer((_, response) =>
      sendStream(response, [
        chunkEvent('a'),
        chunkEvent('b'),
        chunkEvent('c', 'stop'),
        'data: [DONE]\n\n',
      ]),
    );
    const client = closeWhenTestEnds(
      createClient({ baseURL: server.baseURL, apiKey: 'pk-test', timeout: 60 }),
    );
    const stream = await client.chat.completions.create(streamRequest);
    const seen: string[] = [];
    for await (const chunk of stream) {
      seen.push(chunk.choices[0]?.delta.content ?? '');
      await delay(150);
    }
    expect(seen).toEqual(['a', 'b', 'c']);
  });

  it('aborts mid-stream with the caller signal and closes the socket', async () => {
    const server = await startServer((_, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write(chunkEvent('first'));
    });
    const client = closeWhenTestEnds(createClient({ baseURL: server.baseURL, apiKey: 'pk-test' }));
    const controller = new AbortController();
    const stream = await client.chat.completions.create(streamRequest, {
      signal: controller.signal,
    });
    const seen: string[] = [];
    const failure = (async () => {
      for await (const chunk of stream) {
        seen.push(chunk.choices[0]?.delta.content ?? '');
        controller.abort();
      }
    })();
    await expect(failure).rejects.toBeInstanceOf(APIUserAbortError);
    expect(seen).toEqual(['first']);
    await server.closed(server.requests[0]!.socket);
  });

  it('frees the connection when the consumer leaves the loop early', async () => {
    const server = await startServer((_, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write(chunkEvent('first'));
    });
    const client = closeWhenTestEnds(createClient({ baseURL: server.baseURL, apiKey: 'pk-test' }));
    const stream = await client.chat.completions.create(streamRequest);
    for await (const _ of stream) break;
    await server.closed(server.requests[0]!.socket);
    expect(server.requests).toHaveLength(1);
  });
});
