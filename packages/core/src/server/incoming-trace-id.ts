import type { IncomingHttpHeaders } from 'node:http';

/**
 * A request header a trace id may be taken from. `traceparent` is the W3C Trace Context header,
 * of which the trace-id part is used.
 */
export type TraceIdSource = 'traceparent' | 'x-request-id' | 'x-portkey-trace-id' | (string & {});

/** The headers read, in this order, when the server does not name others. */
export const DEFAULT_TRACE_ID_SOURCES: readonly TraceIdSource[] = Object.freeze([
  'traceparent',
  'x-request-id',
  'x-portkey-trace-id',
]);

// A trace id ends up in a response header, in logs and in Portkey's UI: keep it short and inert.
const SAFE_TRACE_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(?:-.*)?$/;
const ALL_ZEROS = /^0+$/;

/** The trace-id part of a W3C `traceparent` header, or `undefined` when the header is invalid. */
export function traceIdFromTraceparent(value: string): string | undefined {
  const match = TRACEPARENT.exec(value.trim());
  if (match === null) return undefined;
  const [, version, traceId, parentId] = match;
  if (version === 'ff' || traceId === undefined || parentId === undefined) return undefined;
  if (ALL_ZEROS.test(traceId) || ALL_ZEROS.test(parentId)) return undefined;
  return traceId;
}

/** Whether a value may be used as a trace id as it is: 1 to 128 of `A-Z a-z 0-9 . _ : -`. */
export function isSafeTraceId(value: string): boolean {
  return SAFE_TRACE_ID.test(value);
}

function firstHeaderValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The trace id the incoming request carries, from the first of `sources` that holds a valid
 * one; `undefined` when none does (the caller then makes a fresh one). Invalid values are
 * ignored rather than refused: a broken proxy header must not break the chat.
 */
export function readIncomingTraceId(
  headers: IncomingHttpHeaders,
  sources: readonly TraceIdSource[] = DEFAULT_TRACE_ID_SOURCES,
): string | undefined {
  for (const source of sources) {
    const name = source.toLowerCase();
    const value = firstHeaderValue(headers[name])?.trim();
    if (value === undefined || value === '') continue;
    const traceId = name === 'traceparent' ? traceIdFromTraceparent(value) : value;
    if (traceId !== undefined && isSafeTraceId(traceId)) return traceId;
  }
  return undefined;
}
