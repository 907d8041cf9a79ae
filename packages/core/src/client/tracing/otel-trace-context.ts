import type { ActiveTraceContext } from './active-trace-context.js';

type OpenTelemetryApi = typeof import('@opentelemetry/api');

// An optional peer: imported by a name the bundlers do not follow, once, when this module
// loads (only the Node entry loads it), so that reading the context later stays synchronous.
const OPENTELEMETRY_API = '@opentelemetry/api';
let api: OpenTelemetryApi | undefined;
import(/* webpackIgnore: true */ /* @vite-ignore */ OPENTELEMETRY_API).then(
  (loaded: OpenTelemetryApi) => {
    api = loaded;
  },
  () => undefined,
);

/**
 * The active OpenTelemetry span's context, when `@opentelemetry/api` is installed, an SDK is
 * registered and a valid span is active; `undefined` otherwise.
 */
export function activeOpenTelemetryContext(): ActiveTraceContext | undefined {
  if (api === undefined) return undefined;
  const span = api.trace.getSpan(api.context.active());
  if (span === undefined) return undefined;
  const context = span.spanContext();
  if (!api.isSpanContextValid(context)) return undefined;
  const flags = (context.traceFlags & 0xff).toString(16).padStart(2, '0');
  return { traceId: context.traceId, spanId: context.spanId, flags };
}
