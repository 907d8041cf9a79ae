import { describe, expect, it, vi } from 'vitest';
import * as errors from '../../src/errors/index.js';
import {
  APIConnectionTimeoutError,
  APIError,
  ChatRequestError,
  ChatwireError,
  InvalidOptionError,
  RateLimitError,
  StreamTruncatedError,
} from '../../src/errors/index.js';
import { toErrorResponse } from '../../src/server/error-response.js';

/** A second, separately evaluated copy of the error classes, as two installed versions give. */
async function loadOtherCopy(): Promise<typeof errors> {
  vi.resetModules();
  const copy = await import('../../src/errors/index.js');
  expect(copy.APIError).not.toBe(APIError);
  return copy;
}

const errorClasses = Object.values(errors).filter(
  (value): value is typeof ChatwireError =>
    typeof value === 'function' && value.prototype instanceof Error,
);

describe('recognising chatwire errors', () => {
  it('recognises an error thrown by another copy of the package, where instanceof fails', async () => {
    const copy = await loadOtherCopy();
    const error = new copy.RateLimitError(429, { error: { message: 'slow down' } }, 'x', undefined);
    expect(error instanceof RateLimitError).toBe(false);
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect(APIError.isInstance(error)).toBe(true);
    expect(ChatwireError.isInstance(error)).toBe(true);
  });

  it('answers for subclasses, as instanceof does', () => {
    const timeout = new APIConnectionTimeoutError();
    expect(APIError.isInstance(timeout)).toBe(true);
    expect(errors.APIConnectionError.isInstance(timeout)).toBe(true);
    expect(ChatwireError.isInstance(timeout)).toBe(true);
  });

  it('does not take a base class or a sibling class for a subclass', () => {
    const base = new APIError(500, undefined, 'failed', undefined);
    expect(RateLimitError.isInstance(base)).toBe(false);
    expect(errors.AuthenticationError.isInstance(new RateLimitError(429, {}, 'x', undefined))).toBe(
      false,
    );
    expect(StreamTruncatedError.isInstance(new InvalidOptionError('timeout', 'bad'))).toBe(false);
  });

  it('does not take a look-alike for one of ours', () => {
    const lookAlike = Object.assign(new Error('x'), { name: 'RateLimitError', status: 429 });
    expect(RateLimitError.isInstance(lookAlike)).toBe(false);
    expect(ChatwireError.isInstance({ name: 'ChatwireError' })).toBe(false);
    expect(ChatwireError.isInstance(null)).toBe(false);
    expect(ChatwireError.isInstance('ChatwireError')).toBe(false);
  });

  it('gives every exported error class a brand of its own', () => {
    expect(errorClasses.length).toBeGreaterThan(15);
    const brands = errorClasses.map((errorClass) => {
      expect(Object.hasOwn(errorClass, 'brand'), `${errorClass.name} declares its brand`).toBe(
        true,
      );
      return errorClass.brand;
    });
    expect(new Set(brands).size).toBe(brands.length);
  });

  it('keeps the brand out of what a logger or JSON.stringify prints', () => {
    const error = new ChatRequestError({ status: 400, message: 'bad' });
    expect(Object.keys(error)).not.toContain('brands');
    expect(JSON.stringify(error)).not.toContain('chatwire.');
  });

  it('answers with the status of an upstream error raised by another copy of the client', async () => {
    const copy = await loadOtherCopy();
    const error = new copy.RateLimitError(
      429,
      { error: { message: 'Rate limit reached', type: 'rate_limit_error', code: 'rate_limited' } },
      'Rate limit reached',
      undefined,
    );
    expect(toErrorResponse(error)).toMatchObject({
      status: 429,
      body: { error: { type: 'rate_limit_error', code: 'rate_limited' } },
    });
  });

  it('answers 504 for a timeout raised by another copy of the client', async () => {
    const copy = await loadOtherCopy();
    expect(toErrorResponse(new copy.APIConnectionTimeoutError()).status).toBe(504);
  });
});
