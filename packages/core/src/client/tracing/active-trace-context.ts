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
 */
export function linkToActiveSpan(
  headers: Record<string, string>,
  active: ActiveTraceContext | undefined,
): void {
  if (active === undefined || headers['x-portkey-trace-id'] !== undefined) return;
  headers['x-portkey-trace-id'] = active.traceId;
  headers['x-portkey-parent-span-id'] ??= active.spanId;
  headers['x-portkey-span-id'] ??= newSpanId();
  const spanId = headers['x-portkey-span-id'];
  headers.traceparent ??= formatTraceparent(active.traceId, spanId, active.flags);
}
