import { describe, expect, it } from 'vitest';
import {
  buildPortkeyHeaders,
  InvalidOptionError,
  MAX_METADATA_VALUE_LENGTH,
  type PortkeyOptions,
} from '../../src/index.js';

function refusal(options: PortkeyOptions): InvalidOptionError {
  try {
    buildPortkeyHeaders(options);
  } catch (error) {
    if (error instanceof InvalidOptionError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(options)} to be refused`);
}

function expectRefused(options: PortkeyOptions, option: string, reason: RegExp): void {
  const error = refusal(options);
  expect(error.option).toBe(option);
  expect(error.message).toContain(`"${option}"`);
  expect(error.message).toMatch(reason);
}

describe('refuses header injection', () => {
  it.each([
    ['CR', 'trace\rx-portkey-debug: false'],
    ['LF', 'trace\nx-portkey-debug: false'],
    ['CRLF', 'trace\r\nx-injected: 1'],
    ['NUL', 'trace\0'],
  ])('refuses %s in a string option', (_label, traceId) => {
    expectRefused({ traceId }, 'traceId', /line break or NUL/);
  });

  it.each([
    ['apiKey', { apiKey: 'pk-1\n' }],
    ['provider', { provider: '\r\nopenai' }],
    ['customHost', { customHost: 'http://127.0.0.1/v1\r\nHost: evil' }],
    ['awsSecretAccessKey', { awsSecretAccessKey: 'a\nb' }],
    ['oraclePrivateKey', { oraclePrivateKey: '-----BEGIN PRIVATE KEY-----\nMIIE\n' }],
    ['config', { config: 'pc-1\nx-portkey-provider: openai' }],
    ['vertexServiceAccountJson', { vertexServiceAccountJson: '{\n"type":"service_account"}' }],
  ] as [string, PortkeyOptions][])('refuses a line break in %s', (option, options) => {
    expectRefused(options, option, /line break or NUL/);
  });

  it('refuses a line break in authorization, after adding the Bearer prefix', () => {
    expectRefused({ authorization: 'sk-1\r\nx-evil: 1' }, 'authorization', /line break or NUL/);
  });

  it.each([
    ['CR', '\r'],
    ['LF', '\n'],
    ['NUL', '\0'],
  ])('refuses %s in a metadata value', (_label, char) => {
    expectRefused({ metadata: { _user: `u${char}1` } }, 'metadata._user', /line break or NUL/);
  });

  it('refuses a line break in a metadata key', () => {
    expectRefused({ metadata: { 'a\nb': 'v' } }, 'metadata.a\nb', /line break or NUL/);
  });
});

describe('refuses characters a header cannot carry', () => {
  it.each([
    ['a character beyond U+00FF', 'José 山田', /U\+5C71/],
    ['an emoji', 'run 🙂', /U\+1F642/],
    ['a control character', 'a\u0007b', /U\+0007/],
    ['DEL', 'a\u007fb', /U\+007F/],
  ])('refuses %s in a plain string header, naming it', (_label, spanName, codePoint) => {
    expectRefused({ spanName }, 'spanName', codePoint);
  });

  it('refuses a non-Latin-1 saved config id', () => {
    expectRefused({ config: 'pc-配置' }, 'config', /cannot carry/);
  });
});

describe('refuses metadata that Portkey would not accept', () => {
  it.each([
    ['a number', { attempt: 3 }, 'metadata.attempt'],
    ['a boolean', { beta: true }, 'metadata.beta'],
    ['null', { team: null }, 'metadata.team'],
    ['a nested object', { user: { id: 'u1' } }, 'metadata.user'],
    ['an array', { tags: ['a'] }, 'metadata.tags'],
  ])('refuses %s as a value', (_label, metadata, option) => {
    expectRefused({ metadata } as unknown as PortkeyOptions, option, /must be a string/);
  });

  it.each([
    ['a string', 'env=prod'],
    ['an array', ['env']],
  ])('refuses metadata that is %s', (_label, metadata) => {
    expectRefused({ metadata } as unknown as PortkeyOptions, 'metadata', /object of string values/);
  });

  it(`accepts a value of exactly ${MAX_METADATA_VALUE_LENGTH} characters and refuses one more`, () => {
    const longest = 'x'.repeat(MAX_METADATA_VALUE_LENGTH);
    expect(buildPortkeyHeaders({ metadata: { note: longest } })['x-portkey-metadata']).toBe(
      `{"note":"${longest}"}`,
    );
    expectRefused({ metadata: { note: `${longest}x` } }, 'metadata.note', /129 characters.*128/);
  });
});

describe('refuses values of the wrong shape', () => {
  it.each([
    ['a number for a string option', { traceId: 42 }, 'traceId', /must be a string, not a number/],
    ['a string for a boolean', { debug: 'false' }, 'debug', /must be a boolean, not a string/],
    [
      'a string for cacheForceRefresh',
      { cacheForceRefresh: 'true' },
      'cacheForceRefresh',
      /boolean/,
    ],
    ['a string for a number', { requestTimeout: '5000' }, 'requestTimeout', /must be a number/],
    ['a negative timeout', { requestTimeout: -1 }, 'requestTimeout', /non-negative whole number/],
    ['a fractional timeout', { requestTimeout: 1.5 }, 'requestTimeout', /whole number/],
    [
      'an infinite timeout',
      { requestTimeout: Number.POSITIVE_INFINITY },
      'requestTimeout',
      /whole number/,
    ],
    ['NaN for a file size', { fileUploadSize: Number.NaN }, 'fileUploadSize', /whole number/],
    [
      'an array for config',
      { config: [{ retry: { attempts: 1 } }] },
      'config',
      /string or an object/,
    ],
    [
      'a string for forwardHeaders',
      { forwardHeaders: 'x-a' },
      'forwardHeaders',
      /array of header names/,
    ],
    [
      'a forwarded name with a space',
      { forwardHeaders: ['x a'] },
      'forwardHeaders',
      /"x a".*not a header name/,
    ],
    [
      'a forwarded name with a comma',
      { forwardHeaders: ['x-a,x-b'] },
      'forwardHeaders',
      /not a header name/,
    ],
    [
      'an empty forwarded name',
      { forwardHeaders: ['x-a', ''] },
      'forwardHeaders',
      /not a header name/,
    ],
    [
      'a forwarded name that is not a string',
      { forwardHeaders: [7] },
      'forwardHeaders',
      /7.*not a header name/,
    ],
    ['a number for authorization', { authorization: 123 }, 'authorization', /must be a string/],
  ])('refuses %s', (_label, options, option, reason) => {
    expectRefused(options as unknown as PortkeyOptions, option, reason);
  });

  it('refuses a config that cannot be serialised as JSON', () => {
    const config: Record<string, unknown> = { retry: { attempts: 1 } };
    config.self = config;
    expectRefused({ config }, 'config', /cannot be serialised as JSON/);
  });

  it('refuses a config holding a BigInt', () => {
    expectRefused(
      { config: { retry: { attempts: 1 }, cost_cap: 10n } },
      'config',
      /cannot be serialised as JSON/,
    );
  });
});

describe('refusal errors', () => {
  it('are InvalidOptionError, catchable as ChatwireError', async () => {
    const { ChatwireError } = await import('../../src/index.js');
    const error = refusal({ traceId: 'a\nb' });
    expect(error).toBeInstanceOf(ChatwireError);
    expect(error.name).toBe('InvalidOptionError');
  });
});
