import type { Context } from '@opentelemetry/api';
import { SPAN_KIND } from '../../client/telemetry/otel-types.js';
import type { OpenTelemetryApi } from '../../client/tracing/opentelemetry-api.js';
import { parseTraceparent } from '../../client/tracing/w3c-trace-context.js';

/** Where a turn's span goes in its trace, and its kind. */
export interface TurnParent {
  readonly context: Context;
  readonly kind: number;
}

/**
 * The parent of a turn's span: the active span (the HTTP server span of an instrumentation),
 * under which the turn is an INTERNAL span; else the caller's span a valid `traceparent` header names,
 * which the turn continues as the SERVER span; else none, the turn then starting a trace.
 */
export function turnParent(api: OpenTelemetryApi, traceparent: string | undefined): TurnParent {
  const active = api.context.active();
  const span = api.trace.getSpan(active);
  if (span !== undefined && api.isSpanContextValid(span.spanContext())) {
    return { context: active, kind: SPAN_KIND.internal };
  }
  const caller = traceparent === undefined ? undefined : parseTraceparent(traceparent.trim());
  if (caller === undefined) return { context: active, kind: SPAN_KIND.server };
  const remote = api.trace.setSpanContext(active, {
    traceId: caller.traceId,
    spanId: caller.parentId,
    traceFlags: Number.parseInt(caller.flags, 16),
    isRemote: true,
  });
  return { context: remote, kind: SPAN_KIND.server };
}
