import type { ChatCompletionCreateParams } from '../../types/index.js';
import {
  DEFAULT_BODY_LIMIT,
  DEFAULT_BODY_TIMEOUT_MS,
  DEFAULT_FIRST_BYTE_TIMEOUT_MS,
  DEFAULT_IDLE_TIMEOUT_MS,
  DEFAULT_MAX_JSON_DEPTH,
  DEFAULT_TOTAL_TIMEOUT_MS,
} from '../defaults.js';
import type { ChatExchange } from '../edge/exchange.js';
import type { ChatCompletionsHandlerOptions, ChatRequestContext } from '../handler-options.js';
import { applyChatPolicy } from '../policy/apply-chat-policy.js';
import { resolveChatPolicy } from '../policy/resolve-chat-policy.js';
import { requestTrace } from '../request-scope.js';
import { setChatResponseHeaders, setSpanIdHeader, setTraceIdHeader } from '../response-headers.js';
import { serveCreatedTurn } from '../resumable/create-turn.js';
import { serveTurnRequest } from '../resumable/serve-turn-request.js';
import { type TurnRoute, turnRoute } from '../resumable/turn-route.js';
import { resolveTurnServing } from '../resumable/turn-serving.js';
import { turnTelemetry } from '../telemetry/turn-telemetry.js';
import { upstreamClient } from '../upstream-client.js';
import { answerFailure } from './answer-failure.js';
import { answerJson } from './answer-json.js';
import { callUpstream } from './call-upstream.js';
import { createFinishReport } from './finish-report.js';
import { readRequestBody } from './read-request-body.js';
import { relayStream } from './relay-stream.js';
import { requirePost } from './require-post.js';
import { runOnRequest } from './run-on-request.js';
import { type UpstreamDeadline, upstreamDeadline } from './upstream-deadline.js';
import { upstreamRequest } from './upstream-request.js';

const PLAIN: TurnRoute = { kind: 'plain' };

/** The chat endpoint's flow, whichever server the exchange came through. */
export interface ChatPipeline<Req, Res> {
  /** Serves one exchange to its end; never rejects. */
  serve(exchange: ChatExchange<Req, Res>): Promise<void>;
  /** Closes the client the pipeline made itself (none when `options.client` was given). */
  close(): Promise<void>;
}

/**
 * The one flow of the chat endpoint, for every server: method (and turn route), body, policy,
 * `onRequest`, Portkey options, the upstream call and the answer (JSON, SSE or a recorded
 * turn), and failures as OpenAI-shaped errors. The edges (node:http, web-standard) only
 * adapt the request and the response to it.
 */
export function createChatPipeline<Req, Res>(
  options: ChatCompletionsHandlerOptions<Req, Res>,
): ChatPipeline<Req, Res> {
  const policy = resolveChatPolicy(options);
  const scopeOptions = { traceIdHeaders: options.traceIdHeaders };
  const bodyLimits = {
    bytes: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    depth: options.maxJsonDepth ?? DEFAULT_MAX_JSON_DEPTH,
    timeoutMs: options.bodyTimeoutMs ?? DEFAULT_BODY_TIMEOUT_MS,
  };
  const timeouts = {
    timeout: options.firstByteTimeoutMs ?? DEFAULT_FIRST_BYTE_TIMEOUT_MS,
    idleTimeout: options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS,
  };
  const totalTimeoutMs = options.totalTimeoutMs ?? DEFAULT_TOTAL_TIMEOUT_MS;
  const streamUsage = options.streamUsage ?? true;
  const client = upstreamClient(options.client);
  const telemetry = turnTelemetry(options.telemetry);
  const report = telemetry.report(createFinishReport(options));
  const answerOptions = { upstreamErrors: options.upstreamErrors };
  const turns = resolveTurnServing(options);
  const route = ({ request, response }: ChatExchange<Req, Res>): TurnRoute => {
    if (turns !== undefined) return turnRoute(request, response);
    requirePost(request.method);
    return PLAIN;
  };

  const serve = async (exchange: ChatExchange<Req, Res>): Promise<void> => {
    const startedAt = performance.now();
    const { request, response, signal } = exchange;
    const { traceId, traceparent } = requestTrace(request.header, scopeOptions);
    setChatResponseHeaders(response, traceId);
    let context: ChatRequestContext<Req, Res> | undefined;
    let deadline: UpstreamDeadline | undefined;
    try {
      const asked = route(exchange);
      if (turns !== undefined && (asked.kind === 'resume' || asked.kind === 'stop')) {
        await serveTurnRequest(asked, turns, request, response, signal);
        return;
      }
      const raw = await readRequestBody(request, bodyLimits);
      const body = (await applyChatPolicy(
        policy,
        raw,
        request.raw,
      )) as unknown as ChatCompletionCreateParams;
      context = { request: request.raw, response: response.raw, body, traceId, startedAt };
      if (options.onRequest !== undefined) await runOnRequest(options.onRequest, context);
      const link = { traceparent, spanName: options.spanName };
      if (turns !== undefined && asked.kind === 'create' && context.body.stream === true) {
        await serveCreatedTurn(asked.key, context, exchange, turns, {
          client: client.get(),
          portkeyOptions: options.portkeyOptions,
          timeouts,
          link,
          totalTimeoutMs,
          streamUsage,
          report,
          answerOptions,
        });
        return;
      }
      deadline = upstreamDeadline(exchange.onLeave, totalTimeoutMs, traceId);
      const upstream = await upstreamRequest(
        options.portkeyOptions,
        context,
        deadline.signal,
        timeouts,
        link,
      );
      context = upstream.context;
      if (context.traceId !== traceId) setTraceIdHeader(response, context.traceId);
      if (context.spanId !== undefined) setSpanIdHeader(response, context.spanId);
      const answer = await callUpstream(
        client.get(),
        context,
        upstream.options,
        streamUsage,
        deadline,
      );
      if (answer.kind === 'json') await answerJson(context, response, answer.completion, report);
      else await relayStream(context, response, answer, options.keepAliveMs, report, answerOptions);
    } catch (error) {
      await answerFailure(error, { response, signal, context, answerOptions }, report);
    } finally {
      deadline?.clear();
    }
  };

  return { serve: telemetry.serve(serve), close: () => client.close() };
}
