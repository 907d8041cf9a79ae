import {
  AggregationTemporality,
  DataPointType,
  InMemoryMetricExporter,
  MeterProvider,
  PeriodicExportingMetricReader,
} from '@opentelemetry/sdk-metrics';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';

/** One recorded histogram point: its attributes, count and sum. */
export interface HistogramPoint {
  attributes: Record<string, unknown>;
  count: number;
  sum: number;
}

/** The OpenTelemetry SDK, recording in memory: what a test reads spans and metrics from. */
export interface TelemetryRecorder {
  readonly tracerProvider: BasicTracerProvider;
  readonly meterProvider: MeterProvider;
  /** The spans ended so far. */
  spans(): ReadableSpan[];
  /** The one ended span named `name`. */
  span(name: string): ReadableSpan;
  /** The points of the histogram `name` collected now; `[]` when none was recorded. */
  histogram(name: string): Promise<HistogramPoint[]>;
  shutdown(): Promise<void>;
}

/** Starts an SDK that keeps every span and measurement in memory. */
export function recordTelemetry(): TelemetryRecorder {
  const spanExporter = new InMemorySpanExporter();
  const tracerProvider = new BasicTracerProvider({
    spanProcessors: [new SimpleSpanProcessor(spanExporter)],
  });
  const metricExporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
  // Exported on demand (forceFlush), never on a timer during a test.
  const reader = new PeriodicExportingMetricReader({
    exporter: metricExporter,
    exportIntervalMillis: 3_600_000,
  });
  const meterProvider = new MeterProvider({ readers: [reader] });
  const spans = () => spanExporter.getFinishedSpans();
  return {
    tracerProvider,
    meterProvider,
    spans,
    span: (name) => {
      const named = spans().filter((span) => span.name === name);
      if (named.length !== 1) {
        throw new Error(`${named.length} spans named ${name}: ${spans().map((s) => s.name)}`);
      }
      return named[0]!;
    },
    histogram: async (name) => {
      metricExporter.reset();
      await reader.forceFlush();
      const points: HistogramPoint[] = [];
      for (const resource of metricExporter.getMetrics()) {
        for (const scope of resource.scopeMetrics) {
          for (const metric of scope.metrics) {
            if (metric.descriptor.name !== name) continue;
            if (metric.dataPointType !== DataPointType.HISTOGRAM) continue;
            for (const point of metric.dataPoints) {
              points.push({
                attributes: point.attributes,
                count: point.value.count,
                sum: point.value.sum ?? 0,
              });
            }
          }
        }
      }
      return points;
    },
    shutdown: async () => {
      await tracerProvider.shutdown();
      await meterProvider.shutdown();
    },
  };
}
