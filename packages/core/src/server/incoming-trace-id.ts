import type { IncomingHttpHeaders } from 'node:http';
import { parseTraceparent, type TraceParent } from '../client/tracing/w3c-trace-context.js';

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

/** The trace-id part of a W3C `traceparent` header, or `undefined` when the header is invalid. */
export function traceIdFromTraceparent(value: string): string | undefined {
  return parseTraceparent(value.trim())?.traceId;
}

/** Whether a value may be used as a trace id as it is: 1 to 128 of `A-Z a-z 0-9 . _ : -`. */
export function isSafeTraceId(value: string): boolean {
  return SAFE_TRACE_ID.test(value);
}

/** Reads one request header by its lowercase name; `undefined` when absent. */
export type HeaderLookup = (name: string) => string | undefined;

/** The header lookup of node:http's headers: the first value of a repeated header. */
export function nodeHeaderLookup(headers: IncomingHttpHeaders): HeaderLookup {
  return (name) => {
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
}

/** The trace an incoming request names. */
export interface IncomingTrace {
  /** The trace id. */
  readonly traceId: string;
  /** The `traceparent` it was taken from, when it was taken from one. */
  readonly traceparent: TraceParent | undefined;
}

/**
 * The trace the incoming request carries, from the first of `sources` that holds a valid trace
 * id; `undefined` when none does (the caller then makes a fresh one). Invalid values are
 * ignored rather than refused: a broken proxy header must not break the chat.
 */
export function readIncomingTrace(
  header: HeaderLookup,
  sources: readonly TraceIdSource[] = DEFAULT_TRACE_ID_SOURCES,
): IncomingTrace | undefined {
  for (const source of sources) {
    const name = source.toLowerCase();
    const value = header(name)?.trim();
    if (value === undefined || value === '') continue;
    if (name === 'traceparent') {
      const traceparent = parseTraceparent(value);
      if (traceparent !== undefined) return { traceId: traceparent.traceId, traceparent };
    } else if (isSafeTraceId(value)) {
      return { traceId: value, traceparent: undefined };
    }
  }
  return undefined;
}

/** The trace id of {@link readIncomingTrace}. */
export function readIncomingTraceId(
  headers: IncomingHttpHeaders,
  sources: readonly TraceIdSource[] = DEFAULT_TRACE_ID_SOURCES,
): string | undefined {
  return readIncomingTrace(nodeHeaderLookup(headers), sources)?.traceId;
}
