import { Portkey } from 'portkey-ai';
import { describe, expect, it } from 'vitest';
import { createClient } from '../../src/index.js';
import { completionBody } from '../support/fixtures.js';
import { sendJSON } from '../support/responses.js';
import { closeWhenTestEnds } from '../support/test-lifetime.js';
import { startServer } from '../support/test-server.js';

/**
 * Headers that differ on purpose, with the reason:
 * - user-agent, accept-language, sec-fetch-mode, accept-encoding: added by the SDK's fetch;
 *   chatwire sends with undici's request API, which adds none of them.
 * - accept: the SDK asks for anything; chatwire names what it parses (JSON or an event stream).
 * - x-portkey-package-version, x-portkey-runtime, x-portkey-runtime-version: the SDK's own
 *   telemetry; chatwire sends no data about its caller's runtime.
 * - x-portkey-strict-open-ai-compliance: the SDK sends `false` unasked; chatwire sends it only
 *   when the option is set, leaving the gateway's default (true) in force.
 */
const DELIBERATE_DIFFERENCES = [
  'user-agent',
  'accept-language',
  'sec-fetch-mode',
  'accept-encoding',
  'accept',
  'x-portkey-package-version',
  'x-portkey-runtime',
  'x-portkey-runtime-version',
  'x-portkey-strict-open-ai-compliance',
];

function comparable(
  headers: Record<string, string | string[] | undefined>,
): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(headers).filter(([name]) => !DELIBERATE_DIFFERENCES.includes(name)),
  );
}

describe('parity with the portkey-ai SDK', () => {
  it('sends the same method, path, body and Portkey headers', async () => {
    const server = await startServer((_, response) => sendJSON(response, 200, completionBody()));
    const body = {
      model: 'gpt-4o-mini',
      messages: [
        { role: 'system' as const, content: 'Be brief.' },
        { role: 'user' as const, content: 'Café? 👋' },
      ],
      temperature: 0.5,
      max_tokens: 64,
    };
    const shared = {
      apiKey: 'pk-test',
      baseURL: server.baseURL,
      provider: '@openai-prod',
      config: { retry: { attempts: 2 } },
      metadata: { _user: 'user-1', environment: 'test' },
      cacheNamespace: 'parity',
    };

    const sdk = new Portkey({ ...shared, traceID: 'trace-parity' });
    await sdk.chat.completions.create(body);
    const client = closeWhenTestEnds(createClient({ ...shared, traceId: 'trace-parity' }));
    await client.chat.completions.create(body);

    const [theirs, ours] = server.requests;
    expect(ours?.method).toBe(theirs?.method);
    expect(ours?.url).toBe(theirs?.url);
    expect(ours?.body).toBe(theirs?.body);
    expect(comparable(ours?.headers ?? {})).toEqual(comparable(theirs?.headers ?? {}));
    expect(ours?.headers['x-portkey-trace-id']).toBe('trace-parity');
  });
});
