import { INSTRUMENTATION_SCOPE } from '../../client/telemetry/client-telemetry.js';
import {
  SPAN_KIND,
  STATUS_ERROR,
  type TelemetryAttributes,
  type TelemetrySpan,
  type TelemetryTracer,
  type TracerProviderLike,
} from '../../client/telemetry/otel-types.js';
import { registeredTracerProvider } from '../../client/telemetry/registered-tracer-provider.js';
import { openTelemetryApi } from '../../client/tracing/opentelemetry-api.js';
import type { ChatExchange, ResponseSink } from '../edge/exchange.js';
import type { FinishReport } from '../pipeline/finish-report.js';
import { TURN_ID_HEADER } from '../resumable/follow-turn.js';
import type { ServerTelemetryOptions } from './server-telemetry-options.js';
import { failedTurnAttributes, finishedTurnAttributes } from './turn-attributes.js';
import { turnParent } from './turn-parent.js';
import { turnScope } from './turn-scope.js';

type Serve<Req, Res> = (exchange: ChatExchange<Req, Res>) => Promise<void>;

/** The `chat turn` span of each request a handler serves. */
export interface TurnTelemetry {
  /** Serves each exchange inside its turn span, ended when the answer has. */
  serve<Req, Res>(serve: Serve<Req, Res>): Serve<Req, Res>;
  /** Reports how each turn ended on its span too. */
  report<Req, Res>(report: FinishReport<Req, Res>): FinishReport<Req, Res>;
}

function recordOnTurn(attributes: TelemetryAttributes): void {
  const span = turnScope.getStore();
  if (span === undefined) return;
  span.setAttributes(attributes);
  if (attributes['chatwire.turn.stop_reason'] === 'failed') {
    span.setStatus({ code: STATUS_ERROR });
  }
}

function endTurnSpan<Res>(span: TelemetrySpan, response: ResponseSink<Res>): void {
  const status = response.status;
  if (status !== undefined) span.setAttribute('http.response.status_code', status);
  const turnId = response.getHeader(TURN_ID_HEADER);
  if (typeof turnId === 'string') span.setAttribute('chatwire.turn.id', turnId);
  // A server error is the turn's failure; a refusal (4xx) is the caller's.
  if (status !== undefined && status >= 500) span.setStatus({ code: STATUS_ERROR });
  span.end();
}

/** The path of a request target, which is a path with its query or a whole URL. */
function pathOf(target: string): string {
  return target.startsWith('/') ? (target.split('?')[0] ?? target) : new URL(target).pathname;
}

/**
 * The turn telemetry of a handler: with `@opentelemetry/api` installed, each request is served
 * inside a `chat turn` span, so that the client's span of the upstream call nests in it; the
 * span records the policy's outcome, how the turn stopped, its ids in Portkey's trace and the
 * answer's status. Without the package or a registered SDK (or a `tracerProvider`), with
 * `false`, or when the span is not recorded, the handler runs as it is.
 */
export function turnTelemetry(options: ServerTelemetryOptions | false | undefined): TurnTelemetry {
  if (options === false) return { serve: (handle) => handle, report: (report) => report };
  let tracers: { provider: TracerProviderLike; tracer: TelemetryTracer } | undefined;
  const tracerOf = (provider: TracerProviderLike): TelemetryTracer => {
    if (tracers?.provider !== provider) {
      tracers = { provider, tracer: provider.getTracer(INSTRUMENTATION_SCOPE) };
    }
    return tracers.tracer;
  };

  const serve =
    <Req, Res>(inner: Serve<Req, Res>): Serve<Req, Res> =>
    (exchange) => {
      const api = openTelemetryApi();
      if (api === undefined) return inner(exchange);
      const provider = options?.tracerProvider ?? registeredTracerProvider(api);
      if (provider === undefined) return inner(exchange);
      const { request, response } = exchange;
      const parent = turnParent(api, request.header('traceparent'));
      const tracer = tracerOf(provider);
      // As the SERVER span, the turn names the request; under an HTTP server span, that does.
      const attributes =
        parent.kind === SPAN_KIND.server
          ? { 'http.request.method': request.method, 'url.path': pathOf(request.url) }
          : undefined;
      const span = tracer.startSpan('chat turn', { kind: parent.kind, attributes }, parent.context);
      if (!span.isRecording()) return inner(exchange);
      const context = api.trace.setSpan(
        parent.context,
        span as Parameters<typeof api.trace.setSpan>[1],
      );
      return api.context
        .with(context, () => turnScope.run(span, () => inner(exchange)))
        .finally(() => endTurnSpan(span, response));
    };

  const report = <Req, Res>(inner: FinishReport<Req, Res>): FinishReport<Req, Res> => ({
    error: (error, context) => {
      recordOnTurn(failedTurnAttributes(error, context));
      return inner.error(error, context);
    },
    finish: (context, outcome) => {
      recordOnTurn(finishedTurnAttributes(context, outcome));
      return inner.finish(context, outcome);
    },
  });

  return { serve, report };
}
