export * from './client-api.js';
export { createClient, type NodeClientOptions } from './create-client.js';
export type {
  MeterProviderLike,
  TelemetryAttributes,
  TelemetryAttributeValue,
  TelemetryHistogram,
  TelemetryMeter,
  TelemetrySpan,
  TelemetrySpanContext,
  TelemetryTracer,
  TracerProviderLike,
} from './telemetry/otel-types.js';
export type { ClientTelemetryOptions } from './telemetry/telemetry-options.js';
