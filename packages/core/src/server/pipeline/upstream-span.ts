import { newSpanId } from '../../client/tracing/span-id.js';
import {
  formatTraceparent,
  isW3CSpanId,
  isW3CTraceId,
  type TraceParent,
} from '../../client/tracing/w3c-trace-context.js';
import type { ChatUpstreamOptions } from '../handler-options.js';

/** The span name of the upstream call when neither the handler nor `portkeyOptions` names one. */
export const DEFAULT_SPAN_NAME = 'chat.completions';

/** What places the upstream call in the turn's trace. */
export interface SpanLink {
  /** The valid `traceparent` the turn's trace id came from, when it came from one. */
  readonly traceparent: TraceParent | undefined;
  /** The handler's span name; defaults to {@link DEFAULT_SPAN_NAME}. */
  readonly spanName: string | undefined;
}

/** The span of one upstream call. */
export interface UpstreamSpan {
  /** The call's span id; `undefined` when `portkeyOptions` sent none (`spanId: null`). */
  readonly spanId: string | undefined;
  /** The tracing headers the call is sent with; the headers `portkeyOptions` returned win. */
  readonly headers: Record<string, string>;
}

/**
 * The span of one upstream call: a fresh span id (one per call, which the client's retries
 * share, as they are attempts of the same operation), under the caller's span when the trace
 * id is the incoming `traceparent`'s, with the call's own `traceparent` when the ids are W3C
 * ones. Options `portkeyOptions` set (`spanId`, `parentSpanId`, `spanName`) win.
 */
export function upstreamSpan(
  traceId: string,
  link: SpanLink,
  upstream: ChatUpstreamOptions,
): UpstreamSpan {
  const headers: Record<string, string> = {};
  const spanId = upstream.spanId === undefined ? newSpanId() : (upstream.spanId ?? undefined);
  if (upstream.spanId === undefined && spanId !== undefined) headers['x-portkey-span-id'] = spanId;
  const parent = link.traceparent?.traceId === traceId ? link.traceparent : undefined;
  if (upstream.parentSpanId === undefined && parent !== undefined) {
    headers['x-portkey-parent-span-id'] = parent.parentId;
  }
  if (upstream.spanName === undefined) {
    headers['x-portkey-span-name'] = link.spanName ?? DEFAULT_SPAN_NAME;
  }
  if (spanId !== undefined && isW3CTraceId(traceId) && isW3CSpanId(spanId)) {
    headers.traceparent = formatTraceparent(traceId, spanId, parent?.flags ?? '01');
  }
  return { spanId, headers };
}
