import { createRequire } from 'node:module';
import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';

/** The spans of a process traced as {@link traceHttpServers} sets it up. */
export interface HttpTracing {
  /** The spans ended so far. */
  spans(): ReadableSpan[];
  /** Removes the instrumentation and the global tracer, propagator and context manager. */
  stop(): Promise<void>;
}

/**
 * Traces this process as an application does that loads the OpenTelemetry SDK and its HTTP
 * instrumentation first: a global tracer provider recording in memory, W3C trace context, and
 * node:http's servers and clients making their own spans.
 */
export function traceHttpServers(): HttpTracing {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  trace.setGlobalTracerProvider(provider);
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  const instrumentation = new HttpInstrumentation();
  instrumentation.setTracerProvider(provider);
  // The instrumentation patches node:http when it is required after the instrumentation
  // started, as in an application that loads the SDK first.
  createRequire(import.meta.url)('node:http');
  return {
    spans: () => exporter.getFinishedSpans(),
    stop: async () => {
      instrumentation.disable();
      trace.disable();
      propagation.disable();
      context.disable();
      await provider.shutdown();
    },
  };
}

/** The span among `spans` whose parent is `parent`. */
export function childOf(parent: ReadableSpan, spans: ReadableSpan[]): ReadableSpan | undefined {
  return spans.find((span) => span.parentSpanContext?.spanId === parent.spanContext().spanId);
}
