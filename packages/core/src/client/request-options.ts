import type { PortkeyOptions } from '../headers/index.js';

/**
 * Options of one call. Any Portkey option (`traceId`, `spanId`, `parentSpanId`, `spanName`,
 * `metadata`, `cacheNamespace`, `cacheForceRefresh`, `config`, …) applies to this call only:
 * it replaces the client's (metadata is merged key by key; `null` sends no header), and
 * nothing sticks to the client.
 */
export interface RequestOptions extends PortkeyOptions {
  /**
   * Aborts the call: before the answer, while its body arrives, during a wait between retries,
   * or mid-stream. The call then fails with `APIUserAbortError`.
   */
  signal?: AbortSignal | null;

  /**
   * This call's timeout in milliseconds, for each of its attempts; a positive number. See
   * `ClientOptions.timeout`.
   */
  timeout?: number;

  /**
   * For a stream: milliseconds each attempt may wait between two chunks once the response
   * headers arrived, where `timeout` then bounds only the wait for the headers. Defaults to
   * `timeout`. A positive number.
   */
  idleTimeout?: number;

  /** This call's retry budget; see `ClientOptions.maxRetries`. */
  maxRetries?: number;

  /**
   * Extra headers for this call, winning over every other source. `null` removes a header
   * the client would otherwise send. Values are checked as `ClientOptions.defaultHeaders` are;
   * in a browser an `x-portkey-api-key` or `authorization` header needs
   * `dangerouslyAllowBrowser`.
   */
  headers?: Record<string, string | null | undefined>;
}
