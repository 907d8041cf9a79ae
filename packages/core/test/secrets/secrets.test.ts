import { describe, expect, it } from 'vitest';
import { APIError } from '../../src/errors/index.js';
import {
  REDACTED,
  redactText,
  redactUrlCredentials,
  redactValue,
  secretValuesOf,
} from '../../src/secrets/index.js';

const API_KEY = 'pk-canary-api-key-0001';
const PROVIDER_KEY = 'sk-canary-provider-0002';
const VIRTUAL_KEY = 'vk-canary-virtual-0003';
const CONFIG_KEY = 'sk-canary-config-0004';

const headers = {
  'x-portkey-api-key': API_KEY,
  authorization: `Bearer ${PROVIDER_KEY}`,
  'x-portkey-virtual-key': VIRTUAL_KEY,
  'x-portkey-config': JSON.stringify({
    strategy: { mode: 'fallback' },
    targets: [{ provider: 'openai', api_key: CONFIG_KEY }, { virtual_key: 'vk-second-target' }],
  }),
  'x-portkey-trace-id': 'trace-not-a-secret',
  'x-portkey-provider': 'openai',
};

describe('finding the secrets among request headers', () => {
  it('finds the Portkey key, the provider token with and without Bearer, the virtual key and keys inside a config', () => {
    const secrets = secretValuesOf(headers);
    expect(secrets).toEqual(
      expect.arrayContaining([
        API_KEY,
        `Bearer ${PROVIDER_KEY}`,
        PROVIDER_KEY,
        VIRTUAL_KEY,
        CONFIG_KEY,
        'vk-second-target',
      ]),
    );
  });

  it('leaves out what is not a credential: trace ids, providers, config modes, a saved config id', () => {
    const secrets = secretValuesOf({ ...headers, 'x-portkey-config': 'pc-saved-config-id' });
    expect(secrets).not.toContain('trace-not-a-secret');
    expect(secrets).not.toContain('openai');
    expect(secrets).not.toContain('fallback');
    expect(secrets).not.toContain('pc-saved-config-id');
  });

  it('orders secrets longest first, so a key is replaced whole before a shorter one inside it', () => {
    const secrets = secretValuesOf(headers);
    const lengths = secrets.map((secret) => secret.length);
    expect(lengths).toEqual([...lengths].sort((a, b) => b - a));
    expect(redactText(`got Bearer ${PROVIDER_KEY}`, secrets)).toBe(`got ${REDACTED}`);
  });

  it('ignores values too short to be keys, which would garble messages', () => {
    expect(secretValuesOf({ authorization: 'abc' })).toEqual([]);
  });
});

describe('redacting', () => {
  const secrets = secretValuesOf(headers);

  it('replaces every occurrence of every secret in a message', () => {
    const message = `Incorrect API key provided: ${PROVIDER_KEY}. Portkey key ${API_KEY}, again ${PROVIDER_KEY}`;
    const redacted = redactText(message, secrets);
    expect(redacted).toBe(
      `Incorrect API key provided: ${REDACTED}. Portkey key ${REDACTED}, again ${REDACTED}`,
    );
  });

  it('redacts every string of an error body, keys included, without changing the original', () => {
    const body = {
      error: { message: `bad key ${CONFIG_KEY}`, code: 'invalid_api_key' },
      debug: { 'x-portkey-api-key': API_KEY, [VIRTUAL_KEY]: true, list: [PROVIDER_KEY, 3] },
    };
    const redacted = redactValue(body, secrets);
    expect(JSON.stringify(redacted)).not.toMatch(/canary/);
    expect(redacted).toMatchObject({ error: { code: 'invalid_api_key' } });
    expect(body.debug['x-portkey-api-key']).toBe(API_KEY);
  });

  it('stops walking a deeply nested body instead of overflowing the stack', () => {
    let deep: unknown = PROVIDER_KEY;
    for (let level = 0; level < 100_000; level++) deep = [deep];
    expect(JSON.stringify(redactValue({ error: deep }, secrets))).not.toContain(PROVIDER_KEY);
  });

  it('hides a user name and password in a URL and leaves other URLs alone', () => {
    expect(redactUrlCredentials('https://user:hunter22@gateway.example/v1')).toBe(
      `https://${REDACTED}@gateway.example/v1`,
    );
    expect(redactUrlCredentials('http://127.0.0.1:8787/v1')).toBe('http://127.0.0.1:8787/v1');
  });
});

describe('errors and logs', () => {
  it('keeps the raw error body out of JSON.stringify and enumeration, while error.error still reads it', () => {
    const body = { error: { message: 'nope' }, debug: { 'x-portkey-api-key': API_KEY } };
    const error = new APIError(401, body, 'Unauthorized', undefined);
    expect(error.error).toBe(body);
    expect(Object.keys(error)).not.toContain('error');
    expect(JSON.stringify(error)).not.toContain(API_KEY);
  });
});
