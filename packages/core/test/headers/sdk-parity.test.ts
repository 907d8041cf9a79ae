import { createHeaders } from 'portkey-ai';
import { describe, expect, it } from 'vitest';
import { buildPortkeyHeaders, PORTKEY_HEADER_NAMES, type PortkeyOptions } from '../../src/index.js';
import { OPTION_TABLE } from './option-table.js';

// Options the official SDK spells differently; the headers they become are the same.
const SDK_SPELLING: Partial<Record<keyof PortkeyOptions, string>> = {
  traceId: 'traceID',
  authorization: 'Authorization',
};

function sdkHeaders(options: Record<string, unknown>): Record<string, unknown> {
  const renamed = Object.entries(options).map(([option, value]) => [
    SDK_SPELLING[option as keyof PortkeyOptions] ?? option,
    value,
  ]);
  return createHeaders(Object.fromEntries(renamed));
}

interface Difference {
  options: Record<string, unknown>;
  sdk: Record<string, unknown>;
  ours: Record<string, string>;
}

/**
 * Every way chatwire deliberately differs from `createHeaders` of the official SDK, with what
 * each sends for the same options.
 */
const DELIBERATE_DIFFERENCES: Record<string, Difference> = {
  // The SDK adds `Bearer ` later, in its client, and only when the value does not already start
  // with `Bearer` in that exact case; headers built on their own go out without it.
  authorization: {
    options: { authorization: 'sk-provider' },
    sdk: { authorization: 'sk-provider' },
    ours: { authorization: 'Bearer sk-provider' },
  },
  // The gateway strips exactly `Bearer ` to find the credential; a lowercase scheme is normalised.
  'authorization with a lowercase scheme': {
    options: { authorization: 'bearer sk-provider' },
    sdk: { authorization: 'bearer sk-provider' },
    ours: { authorization: 'Bearer sk-provider' },
  },
  // Header values are strings; the SDK leaves the number itself in its header record.
  requestTimeout: {
    options: { requestTimeout: 15000 },
    sdk: { 'x-portkey-request-timeout': 15000 },
    ours: { 'x-portkey-request-timeout': '15000' },
  },
  fileUploadSize: {
    options: { fileUploadSize: 2048 },
    sdk: { 'x-portkey-file-upload-size': 2048 },
    ours: { 'x-portkey-file-upload-size': '2048' },
  },
  // Header names are case-insensitive and the gateway looks forwarded headers up in lowercase.
  forwardHeaders: {
    options: { forwardHeaders: ['X-Tenant-Id', 'x-user'] },
    sdk: { 'x-portkey-forward-headers': 'X-Tenant-Id,x-user' },
    ours: { 'x-portkey-forward-headers': 'x-tenant-id,x-user' },
  },
  // The SDK derives the header from the option name; the gateway reads `amz-`, not `aws-`.
  awsServerSideEncryption: {
    options: { awsServerSideEncryption: 'aws:kms' },
    sdk: { 'x-portkey-aws-server-side-encryption': 'aws:kms' },
    ours: { 'x-portkey-amz-server-side-encryption': 'aws:kms' },
  },
  awsServerSideEncryptionKmsKeyId: {
    options: { awsServerSideEncryptionKmsKeyId: 'key-1' },
    sdk: { 'x-portkey-aws-server-side-encryption-kms-key-id': 'key-1' },
    ours: { 'x-portkey-amz-server-side-encryption-aws-kms-key-id': 'key-1' },
  },
  // The gateway refreshes the cache whenever the header is present, so `false` must send nothing.
  'cacheForceRefresh false': {
    options: { cacheForceRefresh: false },
    sdk: { 'x-portkey-cache-force-refresh': 'false' },
    ours: {},
  },
  // Characters beyond U+00FF make fetch throw; escaped JSON decodes to the same text.
  'metadata with non-ASCII text': {
    options: { metadata: { _user: 'Zoë 山田' } },
    sdk: { 'x-portkey-metadata': '{"_user":"Zoë 山田"}' },
    ours: { 'x-portkey-metadata': '{"_user":"Zo\\u00eb \\u5c71\\u7530"}' },
  },
  'config with non-ASCII text': {
    options: { config: { override_params: { user: '山田' } } },
    sdk: { 'x-portkey-config': '{"override_params":{"user":"山田"}}' },
    ours: { 'x-portkey-config': '{"override_params":{"user":"\\u5c71\\u7530"}}' },
  },
};

/** Values the SDK sends and chatwire refuses, each for the reason given. */
const DELIBERATE_REFUSALS: Record<string, Record<string, unknown>> = {
  // A line break would let a value add headers of its own.
  'traceId with a line break': { traceId: 'trace\r\nx-portkey-debug: false' },
  // Portkey's metadata is a flat object of strings.
  'metadata with a number': { metadata: { attempt: 3 } },
  // Portkey accepts metadata values of at most 128 characters.
  'metadata with a long value': { metadata: { note: 'x'.repeat(129) } },
  // fetch would throw on a character beyond U+00FF, far from the option that caused it.
  'spanName with a character beyond U+00FF': { spanName: '検索' },
};

// A difference named after an option holds for every value of it; the others for the value shown.
const DIFFERING_OPTIONS = new Set(
  Object.keys(DELIBERATE_DIFFERENCES).filter((name) => name in PORTKEY_HEADER_NAMES),
);

describe('parity with createHeaders of the official portkey-ai package', () => {
  const sameRows = OPTION_TABLE.filter(([option]) => !DIFFERING_OPTIONS.has(option));

  it.each(sameRows)('sends %s exactly as the SDK does', (option, value) => {
    const ours = buildPortkeyHeaders({ [option]: value });
    expect(Object.keys(ours)).toHaveLength(1);
    expect(ours).toEqual(sdkHeaders({ [option]: value }));
  });

  it('compares every option but the deliberate differences', () => {
    expect(sameRows.length + DIFFERING_OPTIONS.size).toBe(OPTION_TABLE.length);
  });

  it('sends a whole set of same-as-SDK options identically', () => {
    const options = Object.fromEntries(sameRows.map(([option, value]) => [option, value]));
    expect(buildPortkeyHeaders(options)).toEqual(sdkHeaders(options));
  });

  it.each([
    ['undefined', undefined],
    ['null', null],
    ['an empty string', ''],
    ['a blank string', '   '],
  ])('sends nothing for %s, as the SDK does', (_label, value) => {
    const options = { traceId: value, provider: value, apiKey: value };
    expect(buildPortkeyHeaders(options as PortkeyOptions)).toEqual({});
    expect(sdkHeaders(options)).toEqual({});
  });

  it('sends nothing for an empty config, metadata or forwardHeaders, as the SDK does', () => {
    const options = { config: {}, metadata: {}, forwardHeaders: [] };
    expect(buildPortkeyHeaders(options)).toEqual({});
    expect(sdkHeaders(options)).toEqual({});
  });

  it.each(Object.entries(DELIBERATE_DIFFERENCES))('differs on %s', (_name, difference) => {
    expect(sdkHeaders(difference.options)).toEqual(difference.sdk);
    expect(buildPortkeyHeaders(difference.options as PortkeyOptions)).toEqual(difference.ours);
  });

  it.each(Object.entries(DELIBERATE_REFUSALS))(
    'refuses %s, which the SDK sends',
    (_name, options) => {
      expect(Object.keys(sdkHeaders(options))).toHaveLength(1);
      expect(() => buildPortkeyHeaders(options as PortkeyOptions)).toThrow(/Portkey option/);
    },
  );
});
