import type { PortkeyOptions } from '../headers/index.js';
import type { FetchLike } from './transport-fetch.js';

/** The Portkey gateway hosted by Portkey. */
export const DEFAULT_BASE_URL = 'https://api.portkey.ai/v1';
/** Ten minutes: long answers of reasoning models fit. */
export const DEFAULT_TIMEOUT_MS = 600_000;
/** Two retries, so three attempts in all. */
export const DEFAULT_MAX_RETRIES = 2;

/**
 * Options of {@link createClient}. Besides these, every Portkey option (`apiKey`, `provider`,
 * `config`, `metadata`, `traceId`, …) is accepted and sent as its `x-portkey-*` header on every
 * call; a call's own options override them for that call only.
 */
export interface ClientOptions extends PortkeyOptions {
  /**
   * Your Portkey API key. On servers, defaults to the `PORTKEY_API_KEY` environment variable;
   * `null` sends none. In browsers it is refused unless `dangerouslyAllowBrowser` is set.
   */
  apiKey?: string | null;

  /**
   * The gateway's URL, up to and including the version path. On servers, defaults to the
   * `PORTKEY_BASE_URL` environment variable, else `https://api.portkey.ai/v1`. A self-hosted
   * gateway is e.g. `http://localhost:8787/v1`.
   */
  baseURL?: string;

  /**
   * Milliseconds each attempt may take: until the whole answer has arrived for a non-streamed
   * call; until the response headers, then between two chunks, for a stream. On expiry the
   * attempt fails with `APIConnectionTimeoutError` (and is retried). Default 600 000 (10 min).
   *
   * As in openai-node it applies to each attempt, not to the whole call, so a call may take up
   * to `(maxRetries + 1) × timeout` plus the waits between attempts; bound the whole call with
   * `signal` (e.g. `AbortSignal.timeout(ms)`). Must be a positive number: `0` is refused with
   * an `InvalidOptionError` rather than failing every attempt at once.
   */
  timeout?: number;

  /**
   * How many times a failed attempt is retried: connection errors, timeouts, 408, 409, 429 and
   * 5xx answers (or whatever `x-should-retry` says), with exponential backoff that honours
   * `retry-after-ms` / `retry-after`. A stream is never retried once it has begun. Default 2.
   */
  maxRetries?: number;

  /**
   * A `fetch` to send requests with instead of the built-in transport (undici on Node,
   * the global `fetch` elsewhere): for proxies, instrumentation or tests.
   */
  fetch?: FetchLike;

  /**
   * Headers sent with every call. Names are case-insensitive. The typed Portkey options above
   * win over a header of the same name here; a call's `headers` win over both. A name that is
   * not a header name, or a value with a line break, NUL or a character beyond U+00FF, is
   * refused with an `InvalidOptionError` naming the header.
   */
  defaultHeaders?: Record<string, string>;

  /**
   * Allows an API key in a browser, where every visitor can read it: `apiKey` or
   * `authorization`, or an `x-portkey-api-key` or `authorization` header, given here (also in
   * `defaultHeaders`) or to one call (also in its `headers`). Prefer calling your own server (see `@chatwire/react` with `@chatwire/express` or
   * `@chatwire/nestjs`) and keeping the key there.
   */
  dangerouslyAllowBrowser?: boolean;
}
