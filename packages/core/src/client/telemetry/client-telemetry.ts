import type { ChatCompletionCreateParams } from '../../types/index.js';
import { ChatCallTelemetry } from './chat-call-telemetry.js';
import { createGenAiClientMetrics, type GenAiClientMetrics } from './gen-ai-metrics.js';
import { requestAttributes } from './gen-ai-request-attributes.js';
import {
  type MeterProviderLike,
  SPAN_KIND,
  type TelemetryAttributes,
  type TelemetryHistogram,
  type TelemetrySpan,
  type TelemetryTracer,
  type TracerProviderLike,
} from './otel-types.js';
import type { ClientTelemetryOptions } from './telemetry-options.js';

/** The instrumentation scope the spans and metrics are recorded under. */
export const INSTRUMENTATION_SCOPE = '@chatwire/core';

/** The providers to fall back on: the global ones of `@opentelemetry/api`, once it loaded. */
export type GlobalProviders = () =>
  | { tracerProvider: TracerProviderLike; meterProvider: MeterProviderLike }
  | undefined;

/** Starts the telemetry of each call of one client. */
export interface ClientTelemetry {
  /** The telemetry of a call about to be sent; `undefined` when there are no providers. */
  start(body: ChatCompletionCreateParams): ChatCallTelemetry | undefined;
}

const NO_HISTOGRAM: TelemetryHistogram = { record: () => {} };
const NO_METRICS: GenAiClientMetrics = {
  tokenUsage: NO_HISTOGRAM,
  duration: NO_HISTOGRAM,
  timeToFirstChunk: NO_HISTOGRAM,
};

function serverAttributes(baseURL: string): TelemetryAttributes {
  const url = new URL(baseURL);
  const port = url.port === '' ? (url.protocol === 'http:' ? 80 : 443) : Number(url.port);
  return { 'server.address': url.hostname, 'server.port': port };
}

/**
 * The telemetry of a client's calls: the given providers, else the global ones looked up on
 * each call (an SDK may be registered after the client was made). `false` turns it off.
 */
export function createClientTelemetry(
  options: ClientTelemetryOptions | false | undefined,
  baseURL: string,
  globals: GlobalProviders,
): ClientTelemetry | undefined {
  if (options === false) return undefined;
  const server = serverAttributes(baseURL);
  const recordContent = options?.recordContent === true;
  let tracers: { provider: TracerProviderLike; tracer: TelemetryTracer } | undefined;
  let meters: { provider: MeterProviderLike; metrics: GenAiClientMetrics } | undefined;

  const tracerOf = (provider: TracerProviderLike): TelemetryTracer => {
    if (tracers?.provider !== provider) {
      tracers = { provider, tracer: provider.getTracer(INSTRUMENTATION_SCOPE) };
    }
    return tracers.tracer;
  };
  const metricsOf = (provider: MeterProviderLike): GenAiClientMetrics => {
    if (meters?.provider !== provider) {
      const meter = provider.getMeter(INSTRUMENTATION_SCOPE);
      meters = { provider, metrics: createGenAiClientMetrics(meter) };
    }
    return meters.metrics;
  };

  const startSpan = (
    tracer: TelemetryTracer,
    body: ChatCompletionCreateParams,
  ): TelemetrySpan | undefined => {
    const name = body.model ? `chat ${body.model}` : 'chat';
    const span = tracer.startSpan(name, {
      kind: SPAN_KIND.client,
      attributes: { ...requestAttributes(body), ...server },
    });
    // A span nobody records (no SDK, or sampled out) gets no attributes and links nothing.
    return span.isRecording() ? span : undefined;
  };

  return {
    start(body) {
      const fallback =
        options?.tracerProvider === undefined || options.meterProvider === undefined
          ? globals()
          : undefined;
      const tracerProvider = options?.tracerProvider ?? fallback?.tracerProvider;
      const meterProvider = options?.meterProvider ?? fallback?.meterProvider;
      if (tracerProvider === undefined && meterProvider === undefined) return undefined;
      return new ChatCallTelemetry(body, {
        span: tracerProvider === undefined ? undefined : startSpan(tracerOf(tracerProvider), body),
        metrics: meterProvider === undefined ? NO_METRICS : metricsOf(meterProvider),
        recordContent,
        server,
      });
    },
  };
}
