import type { MeterProviderLike, TracerProviderLike } from './otel-types.js';

/**
 * OpenTelemetry for a client's calls (option `telemetry` of `createClient` on Node). Each call
 * gets a `chat {model}` span (kind CLIENT) with the GenAI semantic conventions' attributes,
 * and records `gen_ai.client.operation.duration`, `gen_ai.client.token.usage` and, for
 * streams, `gen_ai.client.operation.time_to_first_chunk`.
 */
export interface ClientTelemetryOptions {
  /**
   * Where the spans go. Defaults to the global tracer provider of `@opentelemetry/api` (the one
   * an SDK registers); without the package, or without a registered SDK, no span is recorded.
   */
  tracerProvider?: TracerProviderLike;
  /** Where the measurements go. Defaults to the global meter provider of `@opentelemetry/api`. */
  meterProvider?: MeterProviderLike;
  /**
   * Records the messages sent and received on the span (`gen_ai.system_instructions`,
   * `gen_ai.input.messages`, `gen_ai.output.messages`). They may hold personal data, so the
   * default is false.
   */
  recordContent?: boolean;
}
