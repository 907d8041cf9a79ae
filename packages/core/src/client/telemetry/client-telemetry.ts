import type { ChatCompletionCreateParams } from '../../types/index.js';
import { ChatCallTelemetry, type GatewayAddress } from './chat-call-telemetry.js';
import { createGenAiClientMetrics, type GenAiClientMetrics } from './gen-ai-metrics.js';
import { requestAttributes } from './gen-ai-request-attributes.js';
import {
  type MeterProviderLike,
  SPAN_KIND,
  type TelemetryHistogram,
  type TelemetrySpan,
  type TelemetryTracer,
  type TracerProviderLike,
} from './otel-types.js';
import type { ClientTelemetryOptions } from './telemetry-options.js';

/** The instrumentation scope the spans and metrics are recorded under. */
export const INSTRUMENTATION_SCOPE = '@chatwire/core';

/**
 * The providers to fall back on: the global ones of `@opentelemetry/api`, once it loaded, and
 * the meter its providers give when no SDK is registered.
 */
export type GlobalProviders = () =>
  | {
      tracerProvider: TracerProviderLike | undefined;
      meterProvider: MeterProviderLike;
      noopMeter: unknown;
    }
  | undefined;

/** Starts the telemetry of each call of one client. */
export interface ClientTelemetry {
  /** The telemetry of a call about to be sent; `undefined` when nothing would record it. */
  start(body: ChatCompletionCreateParams): ChatCallTelemetry | undefined;
}

const NO_HISTOGRAM: TelemetryHistogram = { record: () => {} };
const NO_METRICS: GenAiClientMetrics = {
  tokenUsage: NO_HISTOGRAM,
  duration: NO_HISTOGRAM,
  timeToFirstChunk: NO_HISTOGRAM,
};

function serverOf(baseURL: string): GatewayAddress {
  const url = new URL(baseURL);
  const port = url.port === '' ? (url.protocol === 'http:' ? 80 : 443) : Number(url.port);
  return { address: url.hostname, port };
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
  const server = serverOf(baseURL);
  const recordContent = options?.recordContent === true;
  let tracers: { provider: TracerProviderLike; tracer: TelemetryTracer } | undefined;
  let meters: { provider: MeterProviderLike; metrics: GenAiClientMetrics | undefined } | undefined;

  const tracerOf = (provider: TracerProviderLike): TelemetryTracer => {
    if (tracers?.provider !== provider) {
      tracers = { provider, tracer: provider.getTracer(INSTRUMENTATION_SCOPE) };
    }
    return tracers.tracer;
  };
  /** The instruments of a meter provider; `undefined` for the API's, which records nothing. */
  const metricsOf = (
    provider: MeterProviderLike,
    noopMeter: unknown,
  ): GenAiClientMetrics | undefined => {
    if (meters?.provider !== provider) {
      const meter = provider.getMeter(INSTRUMENTATION_SCOPE);
      meters = {
        provider,
        metrics: meter === noopMeter ? undefined : createGenAiClientMetrics(meter),
      };
    }
    return meters.metrics;
  };

  const startSpan = (
    tracer: TelemetryTracer,
    body: ChatCompletionCreateParams,
  ): TelemetrySpan | undefined => {
    const name = body.model ? `chat ${body.model}` : 'chat';
    // What a sampler needs is given at the start; the rest only to a span that is recorded.
    const span = tracer.startSpan(name, {
      kind: SPAN_KIND.client,
      attributes: {
        'gen_ai.operation.name': 'chat',
        'gen_ai.request.model': body.model,
        'server.address': server.address,
        'server.port': server.port,
      },
    });
    // A span nobody records (no SDK, or sampled out) gets no attributes and links nothing.
    if (!span.isRecording()) return undefined;
    span.setAttributes(requestAttributes(body));
    return span;
  };

  return {
    start(body) {
      const fallback =
        options?.tracerProvider === undefined || options.meterProvider === undefined
          ? globals()
          : undefined;
      const tracerProvider = options?.tracerProvider ?? fallback?.tracerProvider;
      const meterProvider = options?.meterProvider ?? fallback?.meterProvider;
      const span =
        tracerProvider === undefined ? undefined : startSpan(tracerOf(tracerProvider), body);
      const metrics =
        meterProvider === undefined ? undefined : metricsOf(meterProvider, fallback?.noopMeter);
      // Without an SDK, the call pays for nothing more than finding that out.
      if (span === undefined && metrics === undefined) return undefined;
      return new ChatCallTelemetry(body, {
        span,
        metrics: metrics ?? NO_METRICS,
        recordContent,
        server,
      });
    },
  };
}
