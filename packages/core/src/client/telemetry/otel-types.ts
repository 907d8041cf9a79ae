// The parts of the OpenTelemetry API the telemetry uses, written out so that the public types
// of the client do not name `@opentelemetry/api`, an optional peer a project may not have. The
// providers of `@opentelemetry/api` and of its SDKs fit them.

/** An attribute value, as OpenTelemetry takes it. */
export type TelemetryAttributeValue = string | number | boolean | string[] | number[];

/** Attributes of a span, an event or a measurement. */
export type TelemetryAttributes = Record<string, TelemetryAttributeValue | undefined>;

/** The identity of a span. */
export interface TelemetrySpanContext {
  readonly traceId: string;
  readonly spanId: string;
  readonly traceFlags: number;
}

/** A span, as `Tracer.startSpan` returns it. */
export interface TelemetrySpan {
  spanContext(): TelemetrySpanContext;
  isRecording(): boolean;
  setAttribute(key: string, value: TelemetryAttributeValue): unknown;
  setAttributes(attributes: TelemetryAttributes): unknown;
  addEvent(name: string, attributes?: TelemetryAttributes): unknown;
  setStatus(status: { code: number; message?: string }): unknown;
  end(): void;
}

/** A tracer, as `TracerProvider.getTracer` returns it. */
export interface TelemetryTracer {
  startSpan(
    name: string,
    options?: { kind?: number; attributes?: TelemetryAttributes },
    context?: unknown,
  ): TelemetrySpan;
}

/** An OpenTelemetry `TracerProvider`, e.g. the SDK's `NodeTracerProvider`. */
export interface TracerProviderLike {
  getTracer(name: string, version?: string): TelemetryTracer;
}

/** A histogram instrument. */
export interface TelemetryHistogram {
  record(value: number, attributes?: TelemetryAttributes): void;
}

/** A meter, as `MeterProvider.getMeter` returns it. */
export interface TelemetryMeter {
  createHistogram(
    name: string,
    options?: {
      description?: string;
      unit?: string;
      advice?: { explicitBucketBoundaries?: number[] };
    },
  ): TelemetryHistogram;
}

/** An OpenTelemetry `MeterProvider`, e.g. the SDK's `MeterProvider`. */
export interface MeterProviderLike {
  getMeter(name: string, version?: string): TelemetryMeter;
}

/** OpenTelemetry's `SpanKind` values the telemetry starts spans with. */
export const SPAN_KIND = { internal: 0, server: 1, client: 2 } as const;

/** OpenTelemetry's `SpanStatusCode.ERROR`. */
export const STATUS_ERROR = 2;
