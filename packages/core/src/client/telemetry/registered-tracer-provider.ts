import type { OpenTelemetryApi } from '../tracing/opentelemetry-api.js';
import { INSTRUMENTATION_SCOPE } from './client-telemetry.js';
import type { TracerProviderLike } from './otel-types.js';

/**
 * The global tracer provider of `@opentelemetry/api` once an SDK is registered behind it;
 * `undefined` before, when every span it starts would record nothing: finding that out by
 * starting one costs a request more than the rest of its tracing.
 */
export function registeredTracerProvider(api: OpenTelemetryApi): TracerProviderLike | undefined {
  const provider = api.trace.getTracerProvider();
  if (
    provider instanceof api.ProxyTracerProvider &&
    provider.getDelegateTracer(INSTRUMENTATION_SCOPE) === undefined
  ) {
    return undefined;
  }
  return provider;
}
