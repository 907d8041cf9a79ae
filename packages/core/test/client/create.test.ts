import { describe, expect, it } from 'vitest';
import { createClient } from '../../src/index.js';
import { chunkEvent, completionBody, request } from '../support/fixtures.js';
import { sendJSON, sendStream } from '../support/responses.js';
import { closeWhenTestEnds } from '../support/test-lifetime.js';
import { startServer } from '../support/test-server.js';

describe('client.chat.completions.create', () => {
  it('posts the body as JSON to baseURL/chat/completions and resolves to the answer', async () => {
    const server = await startServer((_, response) =>
      sendJSON(response, 200, completionBody('Hello!')),
    );
    const client = closeWhenTestEnds(
      createClient({ baseURL: `${server.baseURL}/`, apiKey: 'pk-test' }),
    );
    const completion = await client.chat.completions.create({ ...request, temperature: 0.2 });

    expect(completion.choices[0]?.message.content).toBe('Hello!');
    const [received] = server.requests;
    expect(received?.method).toBe('POST');
    expect(received?.url).toBe('/v1/chat/completions');
    expect(JSON.parse(received?.body ?? '')).toEqual({ ...request, temperature: 0.2 });
    expect(received?.headers['content-type']).toBe('application/json');
    expect(received?.headers['x-portkey-api-key']).toBe('pk-test');
  });

  it('keeps the wire body under JSON.stringify and exposes Portkey metadata on a non-enumerable meta', async () => {
    const body = completionBody();
    const server = await startServer((_, response) =>
      sendJSON(response, 246, body, {
        'x-portkey-trace-id': 'trace-from-portkey',
        'x-portkey-cache-status': 'SEMANTIC HIT',
        'x-portkey-retry-attempt-count': '2',
        'x-portkey-last-used-option-index': '1',
        'x-request-id': 'req-9',
      }),
    );
    const client = closeWhenTestEnds(createClient({ baseURL: server.baseURL, apiKey: 'pk-test' }));
    const completion = await client.chat.completions.create(request);

    expect(JSON.parse(JSON.stringify(completion))).toEqual(body);
    expect(Object.keys(completion)).not.toContain('meta');
    expect(completion.meta).toMatchObject({
      status: 246,
      traceId: 'trace-from-portkey',
      cacheStatus: 'SEMANTIC HIT',
      retryAttemptCount: 2,
      lastUsedOption: '1',
      lastUsedOptionIndex: 1,
      requestId: 'req-9',
    });
    expect(completion.meta.headers.get('x-request-id')).toBe('req-9');
  });

  it('reports the trace id it sent as meta.traceId when the server does not echo it', async () => {
    const server = await startServer((_, response, index) => {
      if (index < 2) sendJSON(response, 200, completionBody());
      else sendStream(response, [chunkEvent('Hi', 'stop'), 'data: [DONE]\n\n']);
    });
    const client = closeWhenTestEnds(createClient({ baseURL: server.baseURL, apiKey: 'pk-test' }));
    const made = await client.chat.completions.create(request);
    expect(made.meta.traceId).toMatch(/^[0-9a-f-]{36}$/);
    expect(made.meta.traceId).toBe(server.requests[0]?.headers['x-portkey-trace-id']);
    const given = await client.chat.completions.create(request, { traceId: 'ticket-7' });
    expect(given.meta.traceId).toBe('ticket-7');
    const stream = await client.chat.completions.create(
      { ...request, stream: true },
      { traceId: 'ticket-8' },
    );
    expect(stream.meta.traceId).toBe('ticket-8');
    await stream.finalChatCompletion();
  });

  it('reads request-id when x-request-id is absent, and null for missing headers', async () => {
    const server = await startServer((_, response) =>
      sendJSON(response, 200, completionBody(), { 'request-id': 'alt-id' }),
    );
    const client = closeWhenTestEnds(createClient({ baseURL: server.baseURL, apiKey: 'pk-test' }));
    const { meta } = await client.chat.completions.create(request);
    expect(meta.requestId).toBe('alt-id');
    expect(meta.cacheStatus).toBeNull();
    expect(meta.retryAttemptCount).toBeNull();
  });

  it('sends a fresh client-made trace id per call unless one is given', async () => {
    const server = await startServer((_, response) => sendJSON(response, 200, completionBody()));
    const client = closeWhenTestEnds(createClient({ baseURL: server.baseURL, apiKey: 'pk-test' }));
    await client.chat.completions.create(request);
    await client.chat.completions.create(request);
    await client.chat.completions.create(request, { traceId: 'mine' });

    const traceIds = server.requests.map((received) => received.headers['x-portkey-trace-id']);
    expect(traceIds[0]).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(traceIds[1]).not.toBe(traceIds[0]);
    expect(traceIds[2]).toBe('mine');
  });

  it('applies per-call Portkey options and headers to that call only, also across concurrent calls', async () => {
    const server = await startServer((_, response) => sendJSON(response, 200, completionBody()));
    const options = {
      baseURL: server.baseURL,
      apiKey: 'pk-test',
      provider: '@openai-prod',
      metadata: { environment: 'test' },
      defaultHeaders: { 'X-Team': 'search' },
    };
    const client = closeWhenTestEnds(createClient(options));
    const calls = Array.from({ length: 6 }, (_, index) =>
      client!.chat.completions.create(request, {
        traceId: `trace-${index}`,
        metadata: { _user: `user-${index}` },
        cacheNamespace: `ns-${index}`,
        headers: { 'x-call': String(index), 'x-team': index === 0 ? null : 'other' },
      }),
    );
    await Promise.all(calls);
    await client.chat.completions.create(request);

    expect(server.requests).toHaveLength(7);
    for (const received of server.requests.slice(0, 6)) {
      const index = received.headers['x-call'];
      expect(received.headers['x-portkey-trace-id']).toBe(`trace-${index}`);
      expect(received.headers['x-portkey-cache-namespace']).toBe(`ns-${index}`);
      expect(JSON.parse(String(received.headers['x-portkey-metadata']))).toEqual({
        environment: 'test',
        _user: `user-${index}`,
      });
      expect(received.headers['x-portkey-provider']).toBe('@openai-prod');
      expect(received.headers['x-team']).toBe(index === '0' ? undefined : 'other');
    }
    const last = server.requests[6]!;
    expect(last.headers['x-portkey-trace-id']).not.toMatch(/^trace-/);
    expect(last.headers['x-portkey-cache-namespace']).toBeUndefined();
    expect(last.headers['x-call']).toBeUndefined();
    expect(last.headers['x-team']).toBe('search');
    expect(JSON.parse(String(last.headers['x-portkey-metadata']))).toEqual({ environment: 'test' });
    expect(options.metadata).toEqual({ environment: 'test' });
  });

  it('lets a call remove a client option with null and replace the config whole', async () => {
    const server = await startServer((_, response) => sendJSON(response, 200, completionBody()));
    const client = closeWhenTestEnds(
      createClient({
        baseURL: server.baseURL,
        apiKey: 'pk-test',
        config: 'pc-client',
        provider: 'openai',
      }),
    );
    await client.chat.completions.create(request, {
      config: { retry: { attempts: 3 } },
      provider: null,
    });
    await client.chat.completions.create(request);

    const [first, second] = server.requests;
    expect(JSON.parse(String(first?.headers['x-portkey-config']))).toEqual({
      retry: { attempts: 3 },
    });
    expect(first?.headers['x-portkey-provider']).toBeUndefined();
    expect(second?.headers['x-portkey-config']).toBe('pc-client');
    expect(second?.headers['x-portkey-provider']).toBe('openai');
  });

  it('asks for JSON when the call is not streamed', async () => {
    const server = await startServer((_, response) => sendJSON(response, 200, completionBody()));
    const client = closeWhenTestEnds(createClient({ baseURL: server.baseURL, apiKey: 'pk-test' }));
    await client.chat.completions.create(request);
    expect(server.requests[0]?.headers.accept).toBe('application/json');
  });
});

describe('environment variables', () => {
  it('reads PORTKEY_API_KEY and PORTKEY_BASE_URL when the options leave them out', async () => {
    const server = await startServer((_, response) => sendJSON(response, 200, completionBody()));
    const saved = { key: process.env.PORTKEY_API_KEY, url: process.env.PORTKEY_BASE_URL };
    process.env.PORTKEY_API_KEY = 'pk-from-env';
    process.env.PORTKEY_BASE_URL = server.baseURL;
    try {
      const client = closeWhenTestEnds(createClient());
      expect(client.baseURL).toBe(server.baseURL);
      await client.chat.completions.create(request);
      expect(server.requests[0]?.headers['x-portkey-api-key']).toBe('pk-from-env');
    } finally {
      restoreEnv('PORTKEY_API_KEY', saved.key);
      restoreEnv('PORTKEY_BASE_URL', saved.url);
    }
  });

  it('prefers options over the environment, and sends no key for apiKey: null', async () => {
    const server = await startServer((_, response) => sendJSON(response, 200, completionBody()));
    const saved = process.env.PORTKEY_API_KEY;
    process.env.PORTKEY_API_KEY = 'pk-from-env';
    try {
      let client = createClient({ baseURL: server.baseURL, apiKey: 'pk-option' });
      await client.chat.completions.create(request);
      await client.close();
      client = closeWhenTestEnds(createClient({ baseURL: server.baseURL, apiKey: null }));
      await client.chat.completions.create(request);
      expect(server.requests[0]?.headers['x-portkey-api-key']).toBe('pk-option');
      expect(server.requests[1]?.headers['x-portkey-api-key']).toBeUndefined();
    } finally {
      restoreEnv('PORTKEY_API_KEY', saved);
    }
  });

  it('closes once: a second close resolves and calls made after it fail clearly', async () => {
    const server = await startServer((_, response) => sendJSON(response, 200, completionBody()));
    const client = createClient({ baseURL: server.baseURL, apiKey: 'pk-test', maxRetries: 0 });
    await client.chat.completions.create(request);
    await client.close();
    await expect(client.close()).resolves.toBeUndefined();
    await expect(client.chat.completions.create(request)).rejects.toMatchObject({
      name: 'ClientDestroyedError',
      message: 'The client is destroyed',
    });
    expect(server.requests).toHaveLength(1);
  });

  it('defaults to the hosted gateway', () => {
    const saved = process.env.PORTKEY_BASE_URL;
    delete process.env.PORTKEY_BASE_URL;
    try {
      const client = closeWhenTestEnds(createClient({ apiKey: 'pk-test' }));
      expect(client.baseURL).toBe('https://api.portkey.ai/v1');
    } finally {
      restoreEnv('PORTKEY_BASE_URL', saved);
    }
  });
});

function restoreEnv(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}
