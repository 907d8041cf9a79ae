import type { TracerProviderLike } from '../../client/telemetry/otel-types.js';

/**
 * OpenTelemetry for the chat endpoint (option `telemetry` of `createChatCompletionsHandler`
 * and of the Express and Nest adapters): one `chat turn` span per request, with the client's
 * `chat {model}` span of the upstream call inside it. Needs `@opentelemetry/api`.
 */
export interface ServerTelemetryOptions {
  /**
   * Where the turn spans go. Defaults to the global tracer provider of `@opentelemetry/api`
   * (the one an SDK registers); without a registered SDK no span is recorded.
   */
  tracerProvider?: TracerProviderLike;
}
