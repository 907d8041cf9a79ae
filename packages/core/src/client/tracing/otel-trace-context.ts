import type { ActiveTraceContext } from './active-trace-context.js';
import { openTelemetryApi } from './opentelemetry-api.js';

/**
 * The active OpenTelemetry span's context, when `@opentelemetry/api` is installed, an SDK is
 * registered and a valid span is active; `undefined` otherwise.
 */
export function activeOpenTelemetryContext(): ActiveTraceContext | undefined {
  const api = openTelemetryApi();
  if (api === undefined) return undefined;
  const span = api.trace.getSpan(api.context.active());
  if (span === undefined) return undefined;
  const context = span.spanContext();
  if (!api.isSpanContextValid(context)) return undefined;
  const flags = (context.traceFlags & 0xff).toString(16).padStart(2, '0');
  return { traceId: context.traceId, spanId: context.spanId, flags };
}
