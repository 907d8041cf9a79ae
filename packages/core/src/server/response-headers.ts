import type { PortkeyResponseMeta } from '../client/index.js';
import { APIError } from '../errors/index.js';
import type { HeaderTarget } from './edge/exchange.js';

/**
 * The upstream's response headers every answer passes on, error answers too: how long to wait
 * before a retry, the request id to quote, and how Portkey routed the call. A client that
 * honours `retry-after` then waits as long as the upstream asked.
 */
export const PASSED_UPSTREAM_HEADERS: readonly string[] = Object.freeze([
  'retry-after',
  'retry-after-ms',
  'x-request-id',
  'x-portkey-cache-status',
  'x-portkey-retry-attempt-count',
  'x-portkey-last-used-option-index',
]);

/** The response headers a browser script may read across origins. */
export const EXPOSED_RESPONSE_HEADERS: readonly string[] = Object.freeze([
  'x-portkey-trace-id',
  'x-chatwire-turn-id',
  'x-portkey-span-id',
  ...PASSED_UPSTREAM_HEADERS,
]);

const EXPOSED_LIST = EXPOSED_RESPONSE_HEADERS.join(', ');

/** Adds the Portkey headers to `Access-Control-Expose-Headers`, keeping what CORS set there. */
function exposeHeaders(response: HeaderTarget): void {
  const current = response.getHeader('access-control-expose-headers');
  if (current === undefined) {
    response.setHeader('access-control-expose-headers', EXPOSED_LIST);
    return;
  }
  const listed = String(current);
  const known = new Set(listed.split(',').map((name) => name.trim().toLowerCase()));
  const missing = EXPOSED_RESPONSE_HEADERS.filter((name) => !known.has(name));
  if (missing.length > 0) {
    const value = listed.trim() === '' ? missing.join(', ') : `${listed}, ${missing.join(', ')}`;
    response.setHeader('access-control-expose-headers', value);
  }
}

/** Sets the trace id header, so that every answer, error answers too, names its trace. */
export function setTraceIdHeader(response: HeaderTarget, traceId: string): void {
  response.setHeader('x-portkey-trace-id', traceId);
}

/** Sets the span id header: the id of the upstream call's span in the turn's trace. */
export function setSpanIdHeader(response: HeaderTarget, spanId: string): void {
  response.setHeader('x-portkey-span-id', spanId);
}

/** The headers every answer of the chat endpoint starts with: its trace id, readable by CORS. */
export function setChatResponseHeaders(response: HeaderTarget, traceId: string): void {
  setTraceIdHeader(response, traceId);
  exposeHeaders(response);
}

/** The Portkey headers of the upstream answer that the browser gets too. */
export function answerHeaders(meta: PortkeyResponseMeta, traceId: string): Record<string, string> {
  const headers: Record<string, string> = { 'x-portkey-trace-id': meta.traceId ?? traceId };
  if (meta.cacheStatus !== null) headers['x-portkey-cache-status'] = meta.cacheStatus;
  if (meta.retryAttemptCount !== null) {
    headers['x-portkey-retry-attempt-count'] = String(meta.retryAttemptCount);
  }
  if (meta.lastUsedOption !== null) {
    headers['x-portkey-last-used-option-index'] = meta.lastUsedOption;
  }
  if (meta.requestId !== null) headers['x-request-id'] = meta.requestId;
  return headers;
}

/**
 * Passes the upstream's headers on to an error answer not yet begun, when the error carries a
 * response (an `APIError` with a status): after the client's retries, those of the last attempt.
 */
export function setUpstreamErrorHeaders(response: HeaderTarget, error: unknown): void {
  if (response.headersSent || !APIError.isInstance(error)) return;
  const upstream = error.headers;
  if (upstream === undefined) return;
  for (const name of PASSED_UPSTREAM_HEADERS) {
    const value = upstream.get(name);
    if (value !== null) response.setHeader(name, value);
  }
}
