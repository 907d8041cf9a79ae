import type { HeaderLookup } from './response-meta.js';

const INITIAL_DELAY_MS = 500;
const MAX_BACKOFF_MS = 8_000;
const MAX_JITTER = 0.25;
/** A server asking for a longer wait than this gets the default backoff instead. */
const MAX_RETRY_AFTER_MS = 60_000;

/**
 * Whether a failed answer may be tried again. `x-should-retry` (sent by gateways that know
 * better) wins; otherwise timeouts, conflicts, rate limits and server errors are retried.
 */
export function isRetryableStatus(status: number, lookup: HeaderLookup): boolean {
  const shouldRetry = lookup('x-should-retry');
  if (shouldRetry === 'true') return true;
  if (shouldRetry === 'false') return false;
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

/** Reads `retry-after-ms`, then `retry-after` (seconds or an HTTP date), in milliseconds. */
export function readRetryAfter(lookup: HeaderLookup, now: number = Date.now()): number | undefined {
  const milliseconds = lookup('retry-after-ms');
  if (milliseconds !== null) {
    const value = Number.parseFloat(milliseconds);
    if (Number.isFinite(value) && value >= 0) return value;
  }
  const retryAfter = lookup('retry-after');
  if (retryAfter === null) return undefined;
  const trimmed = retryAfter.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number.parseFloat(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * How long to wait before retry number `retriesDone + 1`: what the server asked for when it
 * is reasonable, else exponential backoff (0.5 s × 2ⁿ up to 8 s) less up to 25% of jitter so
 * that many clients do not retry in step.
 */
export function retryDelay(retriesDone: number, lookup: HeaderLookup | undefined): number {
  const requested = lookup === undefined ? undefined : readRetryAfter(lookup);
  if (requested !== undefined && requested <= MAX_RETRY_AFTER_MS) return requested;
  const backoff = Math.min(INITIAL_DELAY_MS * 2 ** retriesDone, MAX_BACKOFF_MS);
  return backoff * (1 - Math.random() * MAX_JITTER);
}
