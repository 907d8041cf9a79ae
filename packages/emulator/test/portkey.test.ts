import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '../src/index.js';
import { type Loose, postChat, user } from './support/http.js';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(() => emulator.close());

const provider = { 'x-portkey-provider': 'openai' };
const body = (text: string) => ({ model: 'm', messages: [user(text)] });

describe('gateway validation', () => {
  it.each([
    [{ 'x-portkey-provider': 'not-a-provider' }, 'Invalid provider passed'],
    [{ ...provider, 'x-portkey-custom-host': 'ftp://example.com' }, 'Invalid custom host'],
    [
      { ...provider, 'x-portkey-custom-host': 'https://user:pw@example.com/v1' },
      'Invalid custom host',
    ],
    [{ 'x-portkey-config': '{bad' }, 'Invalid config passed. You need to pass a valid json'],
    [
      { 'x-portkey-config': '{"cache":{"mode":"simple"}}' },
      'Either x-portkey-provider needs to be passed. Or the x-portkey-config header should have a valid config with provider details in it.',
    ],
    [{ ...provider, 'x-portkey-config': '{"retry":{"attempts":"x"}}' }, 'Invalid config passed'],
    [{ ...provider, 'content-type': 'text/plain' }, 'Invalid content type passed'],
  ])('refuses %o with the gateway message', async (headers, message) => {
    const { status, json } = await postChat(
      emulator.url,
      body('hi'),
      headers as Record<string, string>,
    );
    expect(status).toBe(400);
    expect(json).toMatchObject({ status: 'failure', message });
  });

  it('lists config issues like the gateway', async () => {
    const { json } = await postChat(emulator.url, body('hi'), {
      ...provider,
      'x-portkey-config': '{"retry":{"attempts":"x"}}',
    });
    expect((json as Record<string, unknown>).errors).toEqual([
      'path: retry,attempts, message: Expected number, received string',
    ]);
  });

  it('accepts a request with only an API key, or with no Portkey header at all', async () => {
    expect((await postChat(emulator.url, body('hi'), { 'x-portkey-api-key': 'pk' })).status).toBe(
      200,
    );
    expect((await postChat(emulator.url, body('hi'))).status).toBe(200);
  });

  it('accepts @slug providers and saved config ids', async () => {
    expect(
      (await postChat(emulator.url, body('hi'), { 'x-portkey-provider': '@openai-prod' })).status,
    ).toBe(200);
    expect(
      (await postChat(emulator.url, body('hi'), { 'x-portkey-config': 'pc-abc-123' })).status,
    ).toBe(200);
  });
});

describe('strictGateway', () => {
  let strict: Emulator;
  beforeAll(async () => {
    strict = await startEmulator({ strictGateway: true });
  });
  afterAll(() => strict.close());

  it('refuses a Portkey request that names neither a provider nor a config, as the gateway does', async () => {
    const { status, json } = await postChat(strict.url, body('hi'), { 'x-portkey-api-key': 'pk' });
    expect(status).toBe(400);
    expect(json).toEqual({
      status: 'failure',
      message: 'Either x-portkey-config or x-portkey-provider header is required',
    });
  });

  it('accepts a provider, a config, or a request without Portkey headers', async () => {
    expect((await postChat(strict.url, body('hi'), provider)).status).toBe(200);
    expect(
      (await postChat(strict.url, body('hi'), { 'x-portkey-config': 'pc-abc-123' })).status,
    ).toBe(200);
    expect((await postChat(strict.url, body('hi'))).status).toBe(200);
  });

  it('checks the content type first, like the gateway', async () => {
    const { json } = await postChat(strict.url, body('hi'), {
      'x-portkey-api-key': 'pk',
      'content-type': 'text/plain',
    });
    expect(json).toMatchObject({ message: 'Invalid content type passed' });
  });
});

describe('response headers', () => {
  it('echoes the trace id, or makes one', async () => {
    const echoed = await postChat(emulator.url, body('hi'), {
      ...provider,
      'x-portkey-trace-id': 'trace-42',
    });
    expect(echoed.headers.get('x-portkey-trace-id')).toBe('trace-42');
    const made = await postChat(emulator.url, body('hi'), provider);
    expect(made.headers.get('x-portkey-trace-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(made.headers.get('x-portkey-retry-attempt-count')).toBe('0');
    expect(made.headers.get('x-portkey-cache-status')).toBe('DISABLED');
    expect(made.headers.get('x-portkey-last-used-option-index')).toBe('config');
  });

  it('answers as the provider, without Portkey headers, when no x-portkey-* header is sent', async () => {
    const plain = await postChat(emulator.url, {
      model: 'scenario:rate-limit',
      messages: [user('hi')],
    });
    expect(plain.headers.get('x-portkey-trace-id')).toBeNull();
    expect((plain.json as Record<string, Loose>).error.message).not.toMatch(/^openai error/);
  });

  it('prefixes provider errors with the provider name when answering as Portkey', async () => {
    const { status, json } = await postChat(
      emulator.url,
      { model: 'scenario:rate-limit', messages: [user('hi')] },
      provider,
    );
    expect(status).toBe(429);
    expect(json).toMatchObject({
      provider: 'openai',
      error: { message: expect.stringMatching(/^openai error: /), code: 'rate_limit_exceeded' },
    });
  });
});

describe('simple cache', () => {
  const cached = { ...provider, 'x-portkey-config': '{"cache":{"mode":"simple","max_age":60}}' };

  it('misses, then hits with the identical answer, then refreshes on demand', async () => {
    const question = body(`cache test ${Math.random()}`);
    const first = await postChat(emulator.url, question, cached);
    const second = await postChat(emulator.url, question, cached);
    const refreshed = await postChat(emulator.url, question, {
      ...cached,
      'x-portkey-cache-force-refresh': 'true',
    });
    expect(first.headers.get('x-portkey-cache-status')).toBe('MISS');
    expect(second.headers.get('x-portkey-cache-status')).toBe('HIT');
    expect(second.text).toBe(first.text);
    expect(refreshed.headers.get('x-portkey-cache-status')).toBe('REFRESH');
    expect((refreshed.json as Record<string, Loose>).id).not.toBe(
      (first.json as Record<string, Loose>).id,
    );
  });

  it('partitions by metadata, or by namespace when one is given', async () => {
    const question = body(`partition test ${Math.random()}`);
    await postChat(emulator.url, question, { ...cached, 'x-portkey-metadata': '{"_user":"a"}' });
    const otherUser = await postChat(emulator.url, question, {
      ...cached,
      'x-portkey-metadata': '{"_user":"b"}',
    });
    expect(otherUser.headers.get('x-portkey-cache-status')).toBe('MISS');
    await postChat(emulator.url, question, {
      ...cached,
      'x-portkey-cache-namespace': 'ns',
      'x-portkey-metadata': '{"_user":"a"}',
    });
    const sameNamespace = await postChat(emulator.url, question, {
      ...cached,
      'x-portkey-cache-namespace': 'ns',
      'x-portkey-metadata': '{"_user":"c"}',
    });
    expect(sameNamespace.headers.get('x-portkey-cache-status')).toBe('HIT');
  });

  it('replays a cached stream', async () => {
    const question = { ...body(`stream cache ${Math.random()}`), stream: true };
    const first = await postChat(emulator.url, question, cached);
    const second = await postChat(emulator.url, question, cached);
    expect(second.headers.get('x-portkey-cache-status')).toBe('HIT');
    expect(second.text).toBe(first.text);
  });
});

describe('retry, fallback and timeout', () => {
  it('retries failures and reports -1 when every attempt failed', async () => {
    const { status, headers } = await postChat(
      emulator.url,
      { model: 'scenario:server-error', messages: [user('hi')] },
      {
        ...provider,
        'x-portkey-config': '{"retry":{"attempts":2}}',
      },
    );
    expect(status).toBe(500);
    expect(headers.get('x-portkey-retry-attempt-count')).toBe('-1');
  });

  it('succeeds after retrying a 503 and counts the retries', async () => {
    const { status, headers } = await postChat(
      emulator.url,
      { model: 'scenario:unavailable-then-success', messages: [user('hi')] },
      {
        ...provider,
        'x-portkey-config': '{"retry":{"attempts":3,"on_status_codes":[503]}}',
        'x-emulator-scenario-key': `retry-${Math.random()}`,
        'x-emulator-fail-count': '2',
      },
    );
    expect(status).toBe(200);
    expect(headers.get('x-portkey-retry-attempt-count')).toBe('2');
  });

  it('falls back to the next target and names it in x-portkey-last-used-option-index', async () => {
    const config = {
      strategy: { mode: 'fallback' },
      targets: [
        { provider: 'openai', api_key: 'k', override_params: { model: 'scenario:server-error' } },
        { provider: 'openai', api_key: 'k' },
      ],
    };
    const { status, headers } = await postChat(emulator.url, body('hi'), {
      'x-portkey-config': JSON.stringify(config),
    });
    expect(status).toBe(200);
    expect(headers.get('x-portkey-last-used-option-index')).toBe('config.targets[1]');
  });

  it('answers 408 when the answer would come after x-portkey-request-timeout', async () => {
    const { status, json } = await postChat(
      emulator.url,
      { model: 'scenario:slow-first-byte', messages: [user('hi')] },
      {
        ...provider,
        'x-portkey-request-timeout': '50',
      },
    );
    expect(status).toBe(408);
    expect(json).toEqual({
      error: {
        message: 'Request exceeded the timeout sent in the request: 50ms',
        type: 'timeout_error',
        param: null,
        code: null,
      },
    });
  });
});
