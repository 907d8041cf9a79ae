import type { IncomingMessage, ServerResponse } from 'node:http';
import { activeOpenTelemetryContext } from '../client/tracing/otel-trace-context.js';
import type { TraceParent } from '../client/tracing/w3c-trace-context.js';
import {
  DEFAULT_TRACE_ID_SOURCES,
  type HeaderLookup,
  type IncomingTrace,
  nodeHeaderLookup,
  readIncomingTrace,
  type TraceIdSource,
} from './incoming-trace-id.js';

/** Options of {@link requestScope}. */
export interface RequestScopeOptions {
  /**
   * The request headers a trace id is taken from, first valid one wins. Defaults to
   * {@link DEFAULT_TRACE_ID_SOURCES} (`traceparent`, `x-request-id`, `x-portkey-trace-id`).
   */
  traceIdHeaders?: readonly TraceIdSource[];
}

/** The trace one incoming request belongs to. */
export type RequestTrace = Omit<RequestScope, 'signal'>;

/** What one incoming request gives the upstream calls made for it. */
export interface RequestScope {
  /**
   * The trace id the request carries (a `traceparent`'s trace-id part, `x-request-id`, …) when
   * it is 1 to 128 characters of `A-Z a-z 0-9 . _ : -`; else the active OpenTelemetry span's
   * trace-id (e.g. the HTTP server span of `@opentelemetry/instrumentation-http`); else a fresh
   * UUID.
   */
  readonly traceId: string;
  /**
   * The caller's span (a valid `traceparent`'s parent-id, or the active OpenTelemetry span's
   * id) when the trace id came from one: pass it as `parentSpanId` so that Portkey places the
   * call under it.
   */
  readonly parentSpanId: string | undefined;
  /** The valid `traceparent` (or active span) the trace id came from, when it came from one. */
  readonly traceparent: TraceParent | undefined;
  /**
   * Aborts when the browser leaves: the response closed before it finished. Pass it to the
   * upstream call so that nobody pays for an answer nobody reads.
   */
  readonly signal: AbortSignal;
}

function activeSpan(): IncomingTrace | undefined {
  const active = activeOpenTelemetryContext();
  if (active === undefined) return undefined;
  const { traceId, spanId, flags } = active;
  return { traceId, traceparent: { traceId, parentId: spanId, flags } };
}

/** Aborts when node's response closes before it finished: the client went away. */
export function clientLeftSignal(response: ServerResponse): AbortSignal {
  const controller = new AbortController();
  response.once('close', () => {
    if (!response.writableFinished) controller.abort();
  });
  return controller.signal;
}

/**
 * The trace of a request with headers `header`: the first valid trace id of the configured
 * headers, else the active OpenTelemetry span's, else a fresh UUID.
 */
export function requestTrace(header: HeaderLookup, options?: RequestScopeOptions): RequestTrace {
  const incoming = readIncomingTrace(header, options?.traceIdHeaders) ?? activeSpan();
  const traceparent = incoming?.traceparent;
  return {
    traceId: incoming?.traceId ?? crypto.randomUUID(),
    parentSpanId: traceparent?.parentId,
    traceparent,
  };
}

/**
 * The trace id and abort signal of one request, for routes of your own that call Portkey (a
 * summary, a tool loop): the same trace id reading and the same "abort when the browser leaves"
 * as the chat endpoint.
 *
 * @example
 * ```ts
 * import { newSpanId, requestScope } from '@chatwire/core/server';
 *
 * app.post('/api/summarize', async (req, res) => {
 *   const { traceId, parentSpanId, signal } = requestScope(req, res);
 *   const completion = await client.chat.completions.create(body, {
 *     traceId,
 *     parentSpanId,
 *     spanId: newSpanId(),
 *     signal,
 *   });
 *   res.json({ summary: completion.choices[0]?.message.content });
 * });
 * ```
 */
export function requestScope(
  request: IncomingMessage,
  response: ServerResponse,
  options?: RequestScopeOptions,
): RequestScope {
  return {
    ...requestTrace(nodeHeaderLookup(request.headers), options),
    signal: clientLeftSignal(response),
  };
}
