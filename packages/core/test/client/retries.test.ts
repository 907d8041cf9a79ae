import { MockAgent, errors as undiciErrors } from 'undici';
import { describe, expect, it } from 'vitest';
import { readRetryAfter, retryDelay } from '../../src/client/retry-policy.js';
import {
  APIConnectionError,
  createClient,
  InternalServerError,
  RateLimitError,
} from '../../src/index.js';
import { completionBody, request } from '../support/fixtures.js';
import { sendJSON } from '../support/responses.js';
import { closeWhenTestEnds } from '../support/test-lifetime.js';
import { startServer } from '../support/test-server.js';

/** A server that fails the first `failures` requests with `status` and `headers`, then answers. */
async function flakyServer(failures: number, status: number, headers: Record<string, string> = {}) {
  const arrivals: number[] = [];
  const server = await startServer((_, response, index) => {
    arrivals.push(performance.now());
    if (index < failures)
      sendJSON(response, status, { error: { message: `failure ${index}` } }, headers);
    else sendJSON(response, 200, completionBody('recovered'));
  });
  const client = closeWhenTestEnds(createClient({ baseURL: server.baseURL, apiKey: 'pk-test' }));
  return { server, client, arrivals };
}

describe('retries', () => {
  it.each([408, 409, 429, 500, 502, 503])('retries a %i answer', async (status) => {
    const { server, client } = await flakyServer(1, status, { 'retry-after-ms': '5' });
    const completion = await client.chat.completions.create(request);
    expect(completion.choices[0]?.message.content).toBe('recovered');
    expect(server.requests).toHaveLength(2);
  });

  it.each([400, 401, 403, 404, 412, 422, 446])('does not retry a %i answer', async (status) => {
    const { server, client } = await flakyServer(1, status);
    await expect(client.chat.completions.create(request)).rejects.toMatchObject({ status });
    expect(server.requests).toHaveLength(1);
  });

  it('gives up after maxRetries and throws the last error', async () => {
    const { server, client } = await flakyServer(10, 503, { 'retry-after-ms': '1' });
    const failure = client.chat.completions.create(request, { maxRetries: 3 });
    await expect(failure).rejects.toBeInstanceOf(InternalServerError);
    await expect(failure).rejects.toThrow('failure 3');
    expect(server.requests).toHaveLength(4);
  });

  it('makes one attempt with maxRetries: 0', async () => {
    const server = await startServer((_, response) =>
      sendJSON(response, 429, { error: { message: 'slow down' } }),
    );
    const client = closeWhenTestEnds(
      createClient({ baseURL: server.baseURL, apiKey: 'pk-test', maxRetries: 0 }),
    );
    await expect(client.chat.completions.create(request)).rejects.toBeInstanceOf(RateLimitError);
    expect(server.requests).toHaveLength(1);
  });

  it('follows x-should-retry: false on a 500 and x-should-retry: true on a 400', async () => {
    const never = await flakyServer(1, 500, { 'x-should-retry': 'false' });
    await expect(never.client.chat.completions.create(request)).rejects.toBeInstanceOf(
      InternalServerError,
    );
    expect(never.server.requests).toHaveLength(1);

    const always = await flakyServer(1, 400, { 'x-should-retry': 'true', 'retry-after-ms': '1' });
    await expect(always.client.chat.completions.create(request)).resolves.toBeDefined();
    expect(always.server.requests).toHaveLength(2);
  });

  it('waits at least retry-after-ms before retrying', async () => {
    const { client, arrivals } = await flakyServer(1, 429, { 'retry-after-ms': '120' });
    await client.chat.completions.create(request);
    expect(arrivals[1]! - arrivals[0]!).toBeGreaterThanOrEqual(115);
  });

  it('waits at least retry-after seconds before retrying', async () => {
    const { client, arrivals } = await flakyServer(1, 503, { 'retry-after': '0.15' });
    await client.chat.completions.create(request);
    expect(arrivals[1]! - arrivals[0]!).toBeGreaterThanOrEqual(145);
  });

  it('waits until a retry-after HTTP date before retrying', async () => {
    let retryAt = 0;
    const arrivals: number[] = [];
    const server = await startServer((_, response, index) => {
      arrivals.push(Date.now());
      if (index > 0) {
        sendJSON(response, 200, completionBody('after the date'));
        return;
      }
      const date = new Date(Date.now() + 1000).toUTCString();
      retryAt = Date.parse(date);
      sendJSON(response, 429, { error: { message: 'later' } }, { 'retry-after': date });
    });
    const client = closeWhenTestEnds(createClient({ baseURL: server.baseURL, apiKey: 'pk-test' }));
    const completion = await client.chat.completions.create(request);
    expect(completion.choices[0]?.message.content).toBe('after the date');
    expect(server.requests).toHaveLength(2);
    // HTTP dates have whole seconds; allow for the clock's rounding, not for an early retry.
    expect(arrivals[1]!).toBeGreaterThanOrEqual(retryAt - 5);
  });

  it('falls back to the default backoff when retry-after asks for more than a minute', async () => {
    const { server, client } = await flakyServer(1, 429, { 'retry-after': '3600' });
    const completion = await client.chat.completions.create(request);
    expect(completion.choices[0]?.message.content).toBe('recovered');
    expect(server.requests).toHaveLength(2);
  });

  it('sends the same trace id on every attempt, and the error carries it', async () => {
    const { server, client } = await flakyServer(10, 500, { 'retry-after-ms': '1' });
    const error = await client.chat.completions.create(request).catch((caught: unknown) => caught);
    const sent = server.requests.map((received) => received.headers['x-portkey-trace-id']);
    expect(sent).toHaveLength(3);
    expect(new Set(sent).size).toBe(1);
    expect((error as InternalServerError).traceID).toBe(sent[0]);
  });

  it('retries a connection reset and then succeeds', async () => {
    const server = await startServer((received, response, index) => {
      if (index === 0) received.socket.destroy();
      else sendJSON(response, 200, completionBody('after reset'));
    });
    const client = closeWhenTestEnds(createClient({ baseURL: server.baseURL, apiKey: 'pk-test' }));
    const completion = await client.chat.completions.create(request);
    expect(completion.choices[0]?.message.content).toBe('after reset');
    expect(server.requests).toHaveLength(2);
  });

  it('retries transport faults injected through a dispatcher', async () => {
    const agent = new MockAgent();
    agent.disableNetConnect();
    const pool = agent.get('http://gateway.test');
    pool
      .intercept({ path: '/v1/chat/completions', method: 'POST' })
      .replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
    pool
      .intercept({ path: '/v1/chat/completions', method: 'POST' })
      .reply(200, completionBody('via mock'), { headers: { 'content-type': 'application/json' } });
    const client = closeWhenTestEnds(
      createClient({
        baseURL: 'http://gateway.test/v1',
        apiKey: 'pk-test',
        dispatcher: agent,
      }),
    );
    try {
      const completion = await client.chat.completions.create(request);
      expect(completion.choices[0]?.message.content).toBe('via mock');
      agent.assertNoPendingInterceptors();
    } finally {
      await agent.close();
    }
  });

  it('does not retry a request undici refuses, nor call it a connection error', async () => {
    const server = await startServer((_, response) => sendJSON(response, 200, completionBody()));
    const client = closeWhenTestEnds(createClient({ baseURL: server.baseURL, apiKey: 'pk-test' }));
    // undici will not send an upgrade header on a plain request: UND_ERR_INVALID_ARG.
    const error = await client.chat.completions
      .create(request, { headers: { upgrade: 'websocket' } })
      .catch((caught: unknown) => caught);
    expect(error).not.toBeInstanceOf(APIConnectionError);
    expect(error).toMatchObject({ code: 'UND_ERR_INVALID_ARG' });
    expect((error as Error).message).not.toMatch(/baseURL/);
    expect(server.requests).toHaveLength(0);
  });

  it('makes one attempt when the transport throws a programming error', async () => {
    const agent = new MockAgent();
    agent.disableNetConnect();
    const pool = agent.get('http://gateway.test');
    pool
      .intercept({ path: '/v1/chat/completions', method: 'POST' })
      .replyWithError(new undiciErrors.InvalidArgumentError('invalid header value'));
    pool
      .intercept({ path: '/v1/chat/completions', method: 'POST' })
      .reply(200, completionBody('retried'), { headers: { 'content-type': 'application/json' } });
    const client = closeWhenTestEnds(
      createClient({ baseURL: 'http://gateway.test/v1', apiKey: 'pk-test', dispatcher: agent }),
    );
    try {
      const failure = client.chat.completions.create(request);
      await expect(failure).rejects.toBeInstanceOf(undiciErrors.InvalidArgumentError);
      // The second answer is still waiting: nothing tried again.
      expect(agent.pendingInterceptors()).toHaveLength(1);
    } finally {
      await agent.close();
    }
  });

  it('throws APIConnectionError naming the baseURL when nothing listens', async () => {
    const server = await startServer(() => {});
    const baseURL = server.baseURL;
    await server.close();
    const client = closeWhenTestEnds(createClient({ baseURL, apiKey: 'pk-test', maxRetries: 1 }));
    const failure = client.chat.completions.create(request);
    await expect(failure).rejects.toBeInstanceOf(APIConnectionError);
    await expect(failure).rejects.toThrow(baseURL);
    await expect(failure).rejects.toThrow(/baseURL option/);
  });
});

describe('retry delays', () => {
  const headers = (values: Record<string, string>) => (name: string) => values[name] ?? null;

  it('reads retry-after-ms, retry-after seconds and an HTTP date', () => {
    const now = Date.parse('2030-01-01T00:00:00Z');
    expect(readRetryAfter(headers({ 'retry-after-ms': '250' }), now)).toBe(250);
    expect(readRetryAfter(headers({ 'retry-after': '2' }), now)).toBe(2000);
    expect(readRetryAfter(headers({ 'retry-after': 'Tue, 01 Jan 2030 00:00:03 GMT' }), now)).toBe(
      3000,
    );
    expect(readRetryAfter(headers({ 'retry-after': 'soon' }), now)).toBeUndefined();
    expect(readRetryAfter(headers({}), now)).toBeUndefined();
  });

  it('backs off exponentially from 0.5 s up to 8 s, less at most 25% jitter', () => {
    for (const [retries, ceiling] of [
      [0, 500],
      [1, 1000],
      [2, 2000],
      [4, 8000],
      [10, 8000],
    ] as const) {
      for (let sample = 0; sample < 20; sample++) {
        const delay = retryDelay(retries, undefined);
        expect(delay).toBeLessThanOrEqual(ceiling);
        expect(delay).toBeGreaterThanOrEqual(ceiling * 0.75);
      }
    }
  });

  it('ignores a requested wait beyond a minute', () => {
    const delay = retryDelay(0, headers({ 'retry-after': '61' }));
    expect(delay).toBeLessThanOrEqual(500);
  });
});
