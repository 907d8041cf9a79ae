import { newSpanId } from './span-id.js';
import { formatTraceparent } from './w3c-trace-context.js';

/** The span a call is made inside of, as an OpenTelemetry context gives it. */
export interface ActiveTraceContext {
  /** 32 lowercase hex digits. */
  readonly traceId: string;
  /** 16 lowercase hex digits. */
  readonly spanId: string;
  /** 2 lowercase hex digits. */
  readonly flags: string;
}

/** Reads the span a call is made inside of, when there is one. */
export type TraceContextReader = () => ActiveTraceContext | undefined;

/**
 * Places a call inside the active span, unless the call names its trace itself: Portkey's
 * trace id is the span's trace-id, its parent span id the span's id, and the call gets a span
 * id of its own, also sent upstream as the call's `traceparent`. Headers already set win.
 *
 * When the call is recorded as a span of its own (`own`, a child of the active span), that span
 * is the call: its id is the call's span id, and its `traceparent` is sent even when the call
 * names its trace, since whatever serves the call continues that span.
 */
export function linkToActiveSpan(
  headers: Record<string, string>,
  active: ActiveTraceContext | undefined,
  own?: ActiveTraceContext,
): void {
  if (own !== undefined) {
    headers.traceparent = formatTraceparent(own.traceId, own.spanId, own.flags);
  }
  const call = own ?? active;
  if (call === undefined || headers['x-portkey-trace-id'] !== undefined) return;
  headers['x-portkey-trace-id'] = call.traceId;
  if (active !== undefined && active.traceId === call.traceId) {
    headers['x-portkey-parent-span-id'] ??= active.spanId;
  }
  headers['x-portkey-span-id'] ??= own?.spanId ?? newSpanId();
  const spanId = headers['x-portkey-span-id'];
  headers.traceparent ??= formatTraceparent(call.traceId, spanId, call.flags);
}
