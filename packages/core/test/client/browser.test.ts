import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { fetch as undiciFetch } from 'undici';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClient as createBrowserClient } from '../../src/browser.js';
import { createClient, InvalidOptionError } from '../../src/index.js';
import { completionBody, request } from '../support/fixtures.js';
import { sendJSON } from '../support/responses.js';
import { closeWhenTestEnds } from '../support/test-lifetime.js';
import { startServer } from '../support/test-server.js';

afterEach(() => {
  vi.unstubAllGlobals();
});

/** Makes this process look like a web page: the globals a browser defines. */
function pretendToBeABrowser(): void {
  vi.stubGlobal('window', globalThis);
  vi.stubGlobal('document', { nodeType: 9 });
}

async function bundle(entry: string, platform: 'browser' | 'node'): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL(entry, import.meta.url))],
    bundle: true,
    write: false,
    format: 'esm',
    platform,
    conditions: platform === 'browser' ? ['browser'] : [],
    logLevel: 'silent',
  });
  return result.outputFiles.map((file) => file.text).join('\n');
}

describe('browser entry point', () => {
  it('bundles for browsers without any undici code', async () => {
    const browser = await bundle('../../src/browser.ts', 'browser');
    const node = await bundle('../../src/index.ts', 'node');
    expect(browser).toContain('createClient');
    expect(browser).not.toMatch(/undici/i);
    // The same check finds undici in the Node entry, so it would catch a leak.
    expect(node).toMatch(/undici/i);
  });

  it('refuses an API key in a browser unless dangerouslyAllowBrowser is set', () => {
    pretendToBeABrowser();
    expect(() => createBrowserClient({ apiKey: 'pk-secret' })).toThrow(InvalidOptionError);
    expect(() => createBrowserClient({ apiKey: 'pk-secret' })).toThrow(/dangerouslyAllowBrowser/);
    expect(() => createBrowserClient({ authorization: 'Bearer sk-provider' })).toThrow(
      /authorization/,
    );
    expect(() => createClient({ apiKey: 'pk-secret' })).toThrow(InvalidOptionError);
    expect(() =>
      createBrowserClient({ apiKey: 'pk-secret', dangerouslyAllowBrowser: true }),
    ).not.toThrow();
    expect(() => createBrowserClient({ baseURL: 'https://chat.example.com/api/v1' })).not.toThrow();
  });

  it('never reads PORTKEY_* environment variables in a browser', async () => {
    const server = await startServer((_, response) => sendJSON(response, 200, completionBody()));
    vi.stubEnv('PORTKEY_API_KEY', 'pk-from-env');
    vi.stubEnv('PORTKEY_BASE_URL', 'http://127.0.0.1:9/v1');
    pretendToBeABrowser();
    try {
      const client = closeWhenTestEnds(createBrowserClient({ baseURL: server.baseURL }));
      await client.chat.completions.create(request);
    } finally {
      vi.unstubAllEnvs();
    }
    expect(server.requests[0]?.headers['x-portkey-api-key']).toBeUndefined();
  });

  it('calls the global fetch on globalThis, as browsers require', async () => {
    const server = await startServer((_, response) =>
      sendJSON(response, 200, completionBody('fetched')),
    );
    const realFetch = globalThis.fetch;
    const strictFetch = function (this: unknown, ...args: Parameters<typeof fetch>) {
      if (this !== globalThis) throw new TypeError('Illegal invocation');
      return realFetch(...args);
    };
    vi.stubGlobal('fetch', strictFetch);
    const client = closeWhenTestEnds(createBrowserClient({ baseURL: server.baseURL }));
    const completion = await client.chat.completions.create(request);
    expect(completion.choices[0]?.message.content).toBe('fetched');
    expect(completion.meta.status).toBe(200);
  });
});

describe('fetch option', () => {
  it('sends through a user-supplied fetch on Node', async () => {
    const server = await startServer((_, response) =>
      sendJSON(response, 200, completionBody('custom'), { 'x-portkey-cache-status': 'MISS' }),
    );
    const urls: string[] = [];
    const client = closeWhenTestEnds(
      createClient({
        baseURL: server.baseURL,
        apiKey: 'pk-test',
        fetch: (input, init) => {
          urls.push(input);
          return undiciFetch(
            input,
            init as Parameters<typeof undiciFetch>[1],
          ) as unknown as Promise<Response>;
        },
      }),
    );
    const completion = await client.chat.completions.create(request, { traceId: 'via-fetch' });
    expect(completion.choices[0]?.message.content).toBe('custom');
    expect(completion.meta.cacheStatus).toBe('MISS');
    expect(urls).toEqual([`${server.baseURL}/chat/completions`]);
    expect(server.requests[0]?.headers['x-portkey-trace-id']).toBe('via-fetch');
  });
});
