import { describe, expect, it } from 'vitest';
import { buildPortkeyHeaders, PORTKEY_HEADER_NAMES, type PortkeyOptions } from '../../src/index.js';
import { OPTION_TABLE as TABLE } from './option-table.js';

describe('buildPortkeyHeaders: one header per option', () => {
  it.each(TABLE)('%s is sent as %s', (option, value, header, sent) => {
    expect(buildPortkeyHeaders({ [option]: value })).toEqual({ [header]: sent });
  });

  it('has a row for every option it sends', () => {
    expect(TABLE.map(([option]) => option).sort()).toEqual(
      Object.keys(PORTKEY_HEADER_NAMES).sort(),
    );
  });

  it('sends every option of one call together, each under its own header', () => {
    const options = Object.fromEntries(TABLE.map(([option, value]) => [option, value]));
    const expected = Object.fromEntries(TABLE.map(([, , header, sent]) => [header, sent]));
    expect(buildPortkeyHeaders(options)).toEqual(expected);
  });

  it('names every header in lowercase', () => {
    const options = Object.fromEntries(TABLE.map(([option, value]) => [option, value]));
    const names = Object.keys(buildPortkeyHeaders(options));
    expect(names).toHaveLength(new Set(TABLE.map(([, , header]) => header)).size);
    for (const header of names) {
      expect(header).toBe(header.toLowerCase());
    }
  });
});

describe('buildPortkeyHeaders: values that send nothing', () => {
  it.each([
    ['undefined', undefined],
    ['null', null],
    ['an empty string', ''],
    ['a blank string', '  \t '],
  ])('sends no header for %s', (_label, value) => {
    expect(buildPortkeyHeaders({ traceId: value as string })).toEqual({});
  });

  it('sends no header for an empty config, metadata or forwardHeaders', () => {
    expect(buildPortkeyHeaders({ config: {}, metadata: {}, forwardHeaders: [] })).toEqual({});
  });

  it('sends no metadata header when every value is undefined', () => {
    const metadata = { _user: undefined } as unknown as Record<string, string>;
    expect(buildPortkeyHeaders({ metadata })).toEqual({});
  });

  it('sends no authorization header for a bare Bearer prefix', () => {
    expect(buildPortkeyHeaders({ authorization: 'Bearer ' })).toEqual({});
  });

  it('ignores keys that are not Portkey options', () => {
    const options = { traceId: 't-1', baseURL: 'http://127.0.0.1' } as PortkeyOptions;
    expect(buildPortkeyHeaders(options)).toEqual({ 'x-portkey-trace-id': 't-1' });
  });
});

describe('buildPortkeyHeaders: booleans sent only when set', () => {
  it('sends cacheForceRefresh only when true, since any value makes the gateway refresh', () => {
    expect(buildPortkeyHeaders({ cacheForceRefresh: false })).toEqual({});
    expect(buildPortkeyHeaders({ cacheForceRefresh: true })).toEqual({
      'x-portkey-cache-force-refresh': 'true',
    });
  });

  it.each([
    ['debug', 'x-portkey-debug'],
    ['strictOpenAiCompliance', 'x-portkey-strict-open-ai-compliance'],
  ] as const)('sends %s as true or false when set, and not at all when not', (option, header) => {
    expect(buildPortkeyHeaders({ [option]: true })).toEqual({ [header]: 'true' });
    expect(buildPortkeyHeaders({ [option]: false })).toEqual({ [header]: 'false' });
    expect(buildPortkeyHeaders({})).toEqual({});
  });
});

describe('buildPortkeyHeaders: config', () => {
  it('sends a saved config id as is', () => {
    expect(buildPortkeyHeaders({ config: 'pc-abc-123' })['x-portkey-config']).toBe('pc-abc-123');
  });

  it('sends a config object as compact JSON the gateway parses back', () => {
    const config = {
      strategy: { mode: 'fallback' as const, on_status_codes: [429, 503] },
      targets: [
        { provider: 'openai', api_key: 'sk-1', override_params: { model: 'gpt-4o-mini' } },
        { provider: 'anthropic', api_key: 'sk-2', retry: { attempts: 2 } },
      ],
      cache: { mode: 'simple' as const, max_age: 60 },
      a_field_of_a_newer_gateway: { enabled: true },
    };
    const sent = buildPortkeyHeaders({ config })['x-portkey-config'];
    expect(sent).not.toMatch(/\s/);
    expect(JSON.parse(sent ?? '')).toEqual(config);
  });

  it('escapes line breaks inside config strings, so a multi-line prompt override is accepted', () => {
    const config = { override_params: { messages: [{ role: 'system', content: 'One.\nTwo.' }] } };
    const sent = buildPortkeyHeaders({ config })['x-portkey-config'] ?? '';
    expect(sent).not.toMatch(/[\r\n]/);
    expect(JSON.parse(sent)).toEqual(config);
  });
});

describe('buildPortkeyHeaders: JSON headers carry any text', () => {
  it('escapes non-ASCII metadata as \\u sequences that decode to the original text', () => {
    const metadata = { _user: 'José 山田', mood: '🙂', note: 'tab\there' };
    const sent = buildPortkeyHeaders({ metadata })['x-portkey-metadata'] ?? '';
    expect(sent).toMatch(/^[\x20-\x7e]+$/);
    expect(sent).toContain('\\u00e9');
    expect(sent).toContain('\\ud83d\\ude42');
    expect(JSON.parse(sent)).toEqual(metadata);
  });

  it('escapes non-ASCII inside a config object', () => {
    const config = { override_params: { user: 'Zoë' }, retry: { attempts: 1 } };
    const sent = buildPortkeyHeaders({ config })['x-portkey-config'] ?? '';
    expect(sent).toMatch(/^[\x20-\x7e]+$/);
    expect(JSON.parse(sent)).toEqual(config);
  });

  it('escapes the DEL control character, which a header cannot carry', () => {
    const sent = buildPortkeyHeaders({ metadata: { k: 'a\u007fb' } })['x-portkey-metadata'];
    expect(sent).toBe('{"k":"a\\u007fb"}');
  });

  it('sends a service account given as JSON text as is', () => {
    const text = '{"type":"service_account","private_key":"-----BEGIN-----\\nAB\\n"}';
    expect(buildPortkeyHeaders({ vertexServiceAccountJson: text })).toEqual({
      'x-portkey-vertex-service-account-json': text,
    });
  });
});

describe('buildPortkeyHeaders: authorization', () => {
  it.each([
    ['sk-abc', 'Bearer sk-abc'],
    ['Bearer sk-abc', 'Bearer sk-abc'],
    ['bearer sk-abc', 'Bearer sk-abc'],
    ['BEARER  sk-abc', 'Bearer sk-abc'],
    ['Bearer\tsk-abc', 'Bearer sk-abc'],
  ])('sends %j as %j', (given, sent) => {
    expect(buildPortkeyHeaders({ authorization: given })).toEqual({ authorization: sent });
  });
});

describe('buildPortkeyHeaders: other values', () => {
  it('keeps Latin-1 characters in plain string headers', () => {
    expect(buildPortkeyHeaders({ spanName: 'café' })).toEqual({ 'x-portkey-span-name': 'café' });
  });

  it('sends forwardHeaders lowercase, in the given order', () => {
    expect(buildPortkeyHeaders({ forwardHeaders: ['X-B', 'X-A', 'Authorization-Extra'] })).toEqual({
      'x-portkey-forward-headers': 'x-b,x-a,authorization-extra',
    });
  });

  it('sends a zero request timeout as 0, not as an absent header', () => {
    expect(buildPortkeyHeaders({ requestTimeout: 0 })).toEqual({
      'x-portkey-request-timeout': '0',
    });
  });

  it('does not change the options it is given', () => {
    const options: PortkeyOptions = Object.freeze({
      metadata: Object.freeze({ _user: 'u' }),
      forwardHeaders: Object.freeze(['X-A']),
      config: Object.freeze({ retry: Object.freeze({ attempts: 1 }) }),
    });
    const snapshot = structuredClone(options);
    buildPortkeyHeaders(options);
    expect(options).toEqual(snapshot);
  });
});
