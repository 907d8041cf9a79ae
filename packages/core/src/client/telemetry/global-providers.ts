import { openTelemetryApi } from '../tracing/opentelemetry-api.js';
import type { MeterProviderLike, TracerProviderLike } from './otel-types.js';
import { registeredTracerProvider } from './registered-tracer-provider.js';

/**
 * The global tracer and meter providers of `@opentelemetry/api` (those an SDK registers; no
 * tracer provider before one is), and the meter its providers give when none is; `undefined`
 * when the package is not installed.
 */
export function globalProviders():
  | {
      tracerProvider: TracerProviderLike | undefined;
      meterProvider: MeterProviderLike;
      noopMeter: unknown;
    }
  | undefined {
  const api = openTelemetryApi();
  if (api === undefined) return undefined;
  return {
    tracerProvider: registeredTracerProvider(api),
    meterProvider: api.metrics.getMeterProvider(),
    noopMeter: api.createNoopMeter(),
  };
}
