import { describe, expect, it } from 'vitest';
import { Deadline } from '../../src/client/timeouts.js';
import { APIConnectionTimeoutError, APIUserAbortError, createClient } from '../../src/index.js';
import { completionBody, request } from '../support/fixtures.js';
import { sendJSON } from '../support/responses.js';
import { closeWhenTestEnds } from '../support/test-lifetime.js';
import { startServer } from '../support/test-server.js';

describe('timeout', () => {
  it('fails with APIConnectionTimeoutError when no headers arrive, then retries', async () => {
    const server = await startServer(() => {});
    const client = closeWhenTestEnds(
      createClient({
        baseURL: server.baseURL,
        apiKey: 'pk-test',
        timeout: 100,
        maxRetries: 1,
      }),
    );
    const failure = client.chat.completions.create(request);
    await expect(failure).rejects.toBeInstanceOf(APIConnectionTimeoutError);
    await expect(failure).rejects.toThrow(/waiting for the response.*timeout option/);
    expect(server.requests).toHaveLength(2);
    await server.closed(server.requests[0]!.socket);
  });

  it('covers the body of a non-streamed answer', async () => {
    const server = await startServer((_, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"id":"chatcmpl-1",');
    });
    const client = closeWhenTestEnds(
      createClient({
        baseURL: server.baseURL,
        apiKey: 'pk-test',
        timeout: 100,
        maxRetries: 0,
      }),
    );
    const failure = client.chat.completions.create(request);
    await expect(failure).rejects.toBeInstanceOf(APIConnectionTimeoutError);
    await expect(failure).rejects.toThrow(/while the response body arrived/);
    await server.closed(server.requests[0]!.socket);
  });

  it('takes a per-call timeout over the client one', async () => {
    const server = await startServer(() => {});
    const client = closeWhenTestEnds(
      createClient({ baseURL: server.baseURL, apiKey: 'pk-test', maxRetries: 0 }),
    );
    await expect(client.chat.completions.create(request, { timeout: 50 })).rejects.toBeInstanceOf(
      APIConnectionTimeoutError,
    );
  });
});

describe('attempt deadline', () => {
  const timers = (): number =>
    process.getActiveResourcesInfo().filter((resource) => resource === 'Timeout').length;

  it('never keeps the process alive on its own, armed or paused', () => {
    const before = timers();
    const deadline = new Deadline(new AbortController(), 60_000, 'trace-1');
    try {
      expect(timers()).toBe(before);
      deadline.disarm();
      deadline.arm();
      expect(timers()).toBe(before);
    } finally {
      deadline.clear();
    }
  });

  it('does nothing when it fires while paused, and aborts once armed again', async () => {
    const controller = new AbortController();
    const deadline = new Deadline(controller, 20, 'trace-2');
    deadline.disarm();
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(controller.signal.aborted).toBe(false);
    deadline.arm();
    await new Promise((resolve) => controller.signal.addEventListener('abort', resolve));
    expect(controller.signal.reason).toBeInstanceOf(APIConnectionTimeoutError);
    expect(controller.signal.reason.traceID).toBe('trace-2');
  });
});

describe('abort', () => {
  it('rejects at once for a signal that is already aborted, sending nothing', async () => {
    const server = await startServer((_, response) => sendJSON(response, 200, completionBody()));
    const client = closeWhenTestEnds(createClient({ baseURL: server.baseURL, apiKey: 'pk-test' }));
    const failure = client.chat.completions.create(request, { signal: AbortSignal.abort() });
    await expect(failure).rejects.toBeInstanceOf(APIUserAbortError);
    expect(server.requests).toHaveLength(0);
  });

  it('aborts before the headers and closes the socket', async () => {
    const server = await startServer(() => {});
    const client = closeWhenTestEnds(createClient({ baseURL: server.baseURL, apiKey: 'pk-test' }));
    const controller = new AbortController();
    const failure = client.chat.completions.create(request, { signal: controller.signal });
    await server.received(1);
    controller.abort();
    await expect(failure).rejects.toBeInstanceOf(APIUserAbortError);
    await server.closed(server.requests[0]!.socket);
    expect(server.requests).toHaveLength(1);
  });

  it('aborts while the body arrives and closes the socket', async () => {
    const controller = new AbortController();
    const server = await startServer((_, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"id":"chatcmpl-1",', () => controller.abort());
    });
    const client = closeWhenTestEnds(createClient({ baseURL: server.baseURL, apiKey: 'pk-test' }));
    const failure = client.chat.completions.create(request, { signal: controller.signal });
    await expect(failure).rejects.toBeInstanceOf(APIUserAbortError);
    await server.closed(server.requests[0]!.socket);
  });

  it('aborts during the wait before a retry, without another attempt', async () => {
    const controller = new AbortController();
    const server = await startServer((_, response) =>
      sendJSON(response, 503, { error: { message: 'busy' } }, { 'retry-after': '30' }),
    );
    const client = closeWhenTestEnds(createClient({ baseURL: server.baseURL, apiKey: 'pk-test' }));
    const failure = client.chat.completions.create(request, { signal: controller.signal });
    await server.received(1);
    setTimeout(() => controller.abort(), 20);
    const error = await failure.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect((error as APIUserAbortError).traceID).toBe(
      server.requests[0]?.headers['x-portkey-trace-id'],
    );
    expect(server.requests).toHaveLength(1);
  });

  it('leaves a reused signal without listeners piling up', async () => {
    const server = await startServer((_, response) => sendJSON(response, 200, completionBody()));
    const client = closeWhenTestEnds(createClient({ baseURL: server.baseURL, apiKey: 'pk-test' }));
    const controller = new AbortController();
    let added = 0;
    let removed = 0;
    const { addEventListener, removeEventListener } = controller.signal;
    controller.signal.addEventListener = function (...args: Parameters<typeof addEventListener>) {
      added++;
      return addEventListener.apply(this, args);
    };
    controller.signal.removeEventListener = function (
      ...args: Parameters<typeof removeEventListener>
    ) {
      removed++;
      return removeEventListener.apply(this, args);
    };
    for (let call = 0; call < 5; call++) {
      await client.chat.completions.create(request, { signal: controller.signal });
    }
    expect(added).toBeGreaterThan(0);
    expect(removed).toBe(added);
  });
});
