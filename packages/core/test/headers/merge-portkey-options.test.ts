import { describe, expect, it } from 'vitest';
import { buildPortkeyHeaders, mergePortkeyOptions, type PortkeyOptions } from '../../src/index.js';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

const client = (): PortkeyOptions =>
  deepFreeze({
    apiKey: 'pk-client',
    provider: '@openai-prod',
    traceId: 'client-trace',
    config: {
      strategy: { mode: 'fallback' },
      targets: [{ provider: 'openai' }, { provider: 'anthropic' }],
    },
    metadata: { environment: 'production', _user: 'service' },
    forwardHeaders: ['x-tenant'],
    debug: false,
  });

describe('mergePortkeyOptions', () => {
  it('lets a call override an option for that call', () => {
    const merged = mergePortkeyOptions(client(), { traceId: 'call-trace', spanName: 'search' });
    expect(merged.traceId).toBe('call-trace');
    expect(merged.spanName).toBe('search');
    expect(merged.apiKey).toBe('pk-client');
  });

  it('changes neither input, even when both are frozen', () => {
    const clientOptions = client();
    const request = deepFreeze<PortkeyOptions>({
      traceId: 'call',
      metadata: { _user: 'user-42' },
      config: 'pc-other',
    });
    const clientBefore = structuredClone(clientOptions);
    const requestBefore = structuredClone(request);
    mergePortkeyOptions(clientOptions, request);
    expect(clientOptions).toEqual(clientBefore);
    expect(request).toEqual(requestBefore);
  });

  it('leaves nothing of one call behind for the next', () => {
    const clientOptions = client();
    mergePortkeyOptions(clientOptions, {
      traceId: 'first',
      metadata: { step: 'one' },
      cacheForceRefresh: true,
    });
    const second = mergePortkeyOptions(clientOptions, {});
    expect(buildPortkeyHeaders(second)).toEqual(buildPortkeyHeaders(clientOptions));
  });

  it('returns an object that can be changed without touching the client options', () => {
    const clientOptions = client();
    const merged = mergePortkeyOptions(clientOptions);
    expect(merged).toEqual(clientOptions);
    expect(merged).not.toBe(clientOptions);
    expect(merged.metadata).not.toBe(clientOptions.metadata);
    merged.traceId = 'changed';
    (merged.metadata as Record<string, string>).extra = 'x';
    expect(clientOptions.traceId).toBe('client-trace');
    expect(clientOptions.metadata).toEqual({ environment: 'production', _user: 'service' });
  });

  it("replaces the client's whole config with a call's config object", () => {
    const merged = mergePortkeyOptions(client(), { config: { retry: { attempts: 2 } } });
    expect(merged.config).toEqual({ retry: { attempts: 2 } });
  });

  it("replaces the client's config object with a call's saved config id", () => {
    const merged = mergePortkeyOptions(client(), { config: 'pc-call' });
    expect(buildPortkeyHeaders(merged)['x-portkey-config']).toBe('pc-call');
  });

  it('merges metadata key by key, the call winning', () => {
    const merged = mergePortkeyOptions(client(), {
      metadata: { _user: 'user-42', feature: 'chat' },
    });
    expect(merged.metadata).toEqual({
      environment: 'production',
      _user: 'user-42',
      feature: 'chat',
    });
  });

  it("keeps the client's metadata value for a key the call sets to undefined", () => {
    const metadata = { _user: undefined } as unknown as Record<string, string>;
    const merged = mergePortkeyOptions(client(), { metadata });
    expect(merged.metadata).toEqual({ environment: 'production', _user: 'service' });
  });

  it('uses the call metadata alone when the client has none', () => {
    const merged = mergePortkeyOptions({ apiKey: 'pk' }, { metadata: { _user: 'u' } });
    expect(merged.metadata).toEqual({ _user: 'u' });
  });

  it('sends no metadata when the call sets it to null', () => {
    const merged = mergePortkeyOptions(client(), { metadata: null });
    expect(buildPortkeyHeaders(merged)['x-portkey-metadata']).toBeUndefined();
  });

  it("keeps the client's value when the call's is undefined", () => {
    const merged = mergePortkeyOptions(client(), {
      traceId: undefined,
      config: undefined,
      debug: undefined,
    });
    expect(merged.traceId).toBe('client-trace');
    expect(merged.config).toEqual(client().config);
    expect(merged.debug).toBe(false);
  });

  it("drops the client's value for that call when the call's is null", () => {
    const merged = mergePortkeyOptions(client(), { config: null, provider: null });
    const headers = buildPortkeyHeaders(merged);
    expect(headers['x-portkey-config']).toBeUndefined();
    expect(headers['x-portkey-provider']).toBeUndefined();
    expect(headers['x-portkey-api-key']).toBe('pk-client');
  });

  it("replaces the client's forwardHeaders rather than adding to them", () => {
    const merged = mergePortkeyOptions(client(), { forwardHeaders: ['x-request'] });
    expect(buildPortkeyHeaders(merged)['x-portkey-forward-headers']).toBe('x-request');
  });

  it('lets a call set a boolean the client set the other way', () => {
    const merged = mergePortkeyOptions(client(), { debug: true });
    expect(buildPortkeyHeaders(merged)['x-portkey-debug']).toBe('true');
  });
});
