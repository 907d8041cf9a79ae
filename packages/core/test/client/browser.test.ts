import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BuildOptions, build } from 'esbuild';
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

const corePackage = fileURLToPath(new URL('../../', import.meta.url));

interface Bundle {
  text: string;
  /** The files the bundle was built from. */
  inputs: string[];
}

async function bundleFrom(
  options: Pick<BuildOptions, 'entryPoints' | 'stdin' | 'platform' | 'conditions'>,
): Promise<Bundle> {
  const result = await build({
    ...options,
    bundle: true,
    write: false,
    format: 'esm',
    metafile: true,
    logLevel: 'silent',
  });
  return {
    text: result.outputFiles.map((file) => file.text).join('\n'),
    inputs: Object.keys(result.metafile.inputs),
  };
}

function bundleSource(entry: string, platform: 'browser' | 'node'): Promise<Bundle> {
  return bundleFrom({
    entryPoints: [fileURLToPath(new URL(entry, import.meta.url))],
    platform,
    conditions: platform === 'browser' ? ['browser'] : [],
  });
}

/** Bundles `@chatwire/core` as an application would: through package.json's exports, from dist. */
function bundlePackage(platform: 'browser' | 'neutral' | 'node', conditions: string[]) {
  return bundleFrom({
    stdin: { contents: "export * from '@chatwire/core';", resolveDir: corePackage, loader: 'js' },
    platform,
    conditions,
  });
}

/** Whether undici's code made it into the bundle, by file or by an import left in it. */
function containsUndici(bundle: Bundle): boolean {
  return (
    bundle.inputs.some((input) => /node_modules[\\/](?:\.pnpm[\\/])?undici/.test(input)) ||
    /\bfrom\s*["']undici["']|require\(\s*["']undici["']\s*\)/.test(bundle.text)
  );
}

describe('browser entry point', () => {
  it('bundles for browsers without any undici code', async () => {
    const browser = await bundleSource('../../src/browser.ts', 'browser');
    const node = await bundleSource('../../src/index.ts', 'node');
    expect(browser.text).toContain('createClient');
    expect(containsUndici(browser)).toBe(false);
    // The same check finds undici in the Node entry, so it would catch a leak.
    expect(containsUndici(node)).toBe(true);
  });

  it.each([
    ['browser', ['browser']],
    ['neutral', ['worker']],
  ] as const)(
    'resolves @chatwire/core from dist without undici for the %s platform with %j',
    async (platform, conditions) => {
      expect(
        existsSync(join(corePackage, 'dist/browser.mjs')),
        'dist/ is missing: run `pnpm --filter @chatwire/core build` first',
      ).toBe(true);
      const bundle = await bundlePackage(platform, [...conditions]);
      expect(bundle.inputs.some((input) => input.endsWith('dist/browser.mjs'))).toBe(true);
      expect(bundle.text).toContain('createClient');
      expect(containsUndici(bundle)).toBe(false);
      // Without a browser condition the same import resolves to the Node build, undici included.
      expect(containsUndici(await bundlePackage('node', []))).toBe(true);
    },
  );

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

  it.each([
    ['apiKey', { apiKey: 'pk-secret' }],
    ['authorization', { authorization: 'sk-provider' }],
    ['an x-portkey-api-key header', { headers: { 'X-Portkey-Api-Key': 'pk-secret' } }],
    ['an authorization header', { headers: { Authorization: 'Bearer sk-provider' } }],
  ] as const)('refuses %s given to one call in a browser, sending nothing', async (_, options) => {
    const server = await startServer((_, response) => sendJSON(response, 200, completionBody()));
    pretendToBeABrowser();
    const client = closeWhenTestEnds(createBrowserClient({ baseURL: server.baseURL }));
    const failure = client.chat.completions.create(request, options);
    await expect(failure).rejects.toBeInstanceOf(InvalidOptionError);
    await expect(failure).rejects.toThrow(/dangerouslyAllowBrowser/);
    expect(server.requests).toHaveLength(0);
  });

  it.each([
    ['x-portkey-api-key', { 'x-portkey-api-key': 'pk-secret' }],
    ['authorization', { AUTHORIZATION: 'Bearer sk-provider' }],
  ])('refuses defaultHeaders carrying %s in a browser', (name, defaultHeaders) => {
    pretendToBeABrowser();
    expect(() =>
      createBrowserClient({ baseURL: 'https://gateway.test/v1', defaultHeaders }),
    ).toThrow(new RegExp(`${name}.*dangerouslyAllowBrowser`));
    expect(() =>
      createBrowserClient({
        baseURL: 'https://gateway.test/v1',
        defaultHeaders,
        dangerouslyAllowBrowser: true,
      }),
    ).not.toThrow();
  });

  it('sends a per-call key from a browser once dangerouslyAllowBrowser is set', async () => {
    const server = await startServer((_, response) => sendJSON(response, 200, completionBody()));
    pretendToBeABrowser();
    const client = closeWhenTestEnds(
      createBrowserClient({ baseURL: server.baseURL, dangerouslyAllowBrowser: true }),
    );
    await client.chat.completions.create(request, {
      apiKey: 'pk-accepted',
      headers: { authorization: 'Bearer sk-accepted' },
    });
    expect(server.requests[0]?.headers['x-portkey-api-key']).toBe('pk-accepted');
    expect(server.requests[0]?.headers.authorization).toBe('Bearer sk-accepted');
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
    const receivers: unknown[] = [];
    const strictFetch = function (this: unknown, ...args: Parameters<typeof fetch>) {
      receivers.push(this);
      if (this !== globalThis) throw new TypeError('Illegal invocation');
      return realFetch(...args);
    };
    vi.stubGlobal('fetch', strictFetch);
    const client = closeWhenTestEnds(createBrowserClient({ baseURL: server.baseURL }));
    const completion = await client.chat.completions.create(request);
    expect(receivers).toEqual([globalThis]);
    expect(server.requests).toHaveLength(1);
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
