import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ChatCompletionCreateParams } from '../types/index.js';
import {
  DEFAULT_BODY_LIMIT,
  DEFAULT_BODY_TIMEOUT_MS,
  DEFAULT_FIRST_BYTE_TIMEOUT_MS,
  DEFAULT_IDLE_TIMEOUT_MS,
  DEFAULT_MAX_JSON_DEPTH,
  DEFAULT_TOTAL_TIMEOUT_MS,
} from './defaults.js';
import type { ChatCompletionsHandlerOptions, ChatRequestContext } from './handler-options.js';
import { answerFailure } from './pipeline/answer-failure.js';
import { answerJson } from './pipeline/answer-json.js';
import { callUpstream } from './pipeline/call-upstream.js';
import { createFinishReport } from './pipeline/finish-report.js';
import { readRequestBody } from './pipeline/read-request-body.js';
import { relayStream } from './pipeline/relay-stream.js';
import { requirePost } from './pipeline/require-post.js';
import { runOnRequest } from './pipeline/run-on-request.js';
import { type UpstreamDeadline, upstreamDeadline } from './pipeline/upstream-deadline.js';
import { upstreamRequest } from './pipeline/upstream-request.js';
import { applyChatPolicy } from './policy/apply-chat-policy.js';
import { resolveChatPolicy } from './policy/resolve-chat-policy.js';
import { requestScope } from './request-scope.js';
import { setChatResponseHeaders, setSpanIdHeader, setTraceIdHeader } from './response-headers.js';
import { serveCreatedTurn } from './resumable/create-turn.js';
import { serveTurnRequest } from './resumable/serve-turn-request.js';
import { type TurnRoute, turnRoute } from './resumable/turn-route.js';
import { resolveTurnServing } from './resumable/turn-serving.js';
import { turnTelemetry } from './telemetry/turn-telemetry.js';
import { upstreamClient } from './upstream-client.js';

const PLAIN: TurnRoute = { kind: 'plain' };

/**
 * Serves one chat completions request on node:http's request and response. `parsedBody` is the
 * body when a framework parsed it already; otherwise the handler reads and parses it. Either
 * way a request whose `Content-Type` is not JSON is refused with 415, so a body that a form
 * parser made from a cross-site form post never reaches the upstream.
 * The promise settles when the answer has ended; it never rejects.
 */
export interface ChatCompletionsHandler {
  (request: IncomingMessage, response: ServerResponse, parsedBody?: unknown): Promise<void>;
  /** Closes the client the handler made itself (none when `options.client` was given). */
  close(): Promise<void>;
}

/**
 * Creates the chat completions endpoint shared by the Express and Nest adapters: it reads and
 * validates the body, applies the server's policy, adds the server's Portkey options and trace
 * id, calls Portkey through one shared client and writes the answer (JSON, or SSE with
 * backpressure and keep-alive), aborting the upstream call as soon as the browser leaves.
 *
 * @example
 * ```ts
 * import { createServer } from 'node:http';
 * import { createChatCompletionsHandler } from '@chatwire/core/server';
 *
 * const handle = createChatCompletionsHandler({ defaultModel: 'gpt-4o-mini' });
 * createServer((req, res) => void handle(req, res)).listen(3000, '127.0.0.1');
 * ```
 */
export function createChatCompletionsHandler(
  options: ChatCompletionsHandlerOptions = {},
): ChatCompletionsHandler {
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
  const route = (request: IncomingMessage, response: ServerResponse): TurnRoute => {
    if (turns !== undefined) return turnRoute(request, response);
    requirePost(request.method);
    return PLAIN;
  };

  const handle = async (
    request: IncomingMessage,
    response: ServerResponse,
    parsedBody?: unknown,
  ): Promise<void> => {
    const startedAt = performance.now();
    const { traceId, traceparent, signal } = requestScope(request, response, scopeOptions);
    setChatResponseHeaders(response, traceId);
    let context: ChatRequestContext | undefined;
    let deadline: UpstreamDeadline | undefined;
    try {
      const asked = route(request, response);
      if (turns !== undefined && (asked.kind === 'resume' || asked.kind === 'stop')) {
        await serveTurnRequest(asked, turns, request, response, signal);
        return;
      }
      const raw = await readRequestBody(request, parsedBody, bodyLimits);
      const body = (await applyChatPolicy(
        policy,
        raw,
        request,
      )) as unknown as ChatCompletionCreateParams;
      context = { request, response, body, traceId, startedAt };
      if (options.onRequest !== undefined) await runOnRequest(options.onRequest, context);
      if (turns !== undefined && asked.kind === 'create' && context.body.stream === true) {
        const upstream = { client: client.get(), portkeyOptions: options.portkeyOptions };
        await serveCreatedTurn(asked.key, context, signal, turns, {
          ...upstream,
          timeouts,
          link: { traceparent, spanName: options.spanName },
          totalTimeoutMs,
          streamUsage,
          report,
          answerOptions,
        });
        return;
      }
      deadline = upstreamDeadline(signal, totalTimeoutMs, traceId);
      const upstream = await upstreamRequest(
        options.portkeyOptions,
        context,
        deadline.signal,
        timeouts,
        { traceparent, spanName: options.spanName },
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
      if (answer.kind === 'json') await answerJson(context, answer.completion, report);
      else await relayStream(context, answer, options.keepAliveMs, report, answerOptions);
    } catch (error) {
      await answerFailure(error, { response, signal, context, answerOptions }, report);
    } finally {
      deadline?.clear();
    }
  };

  return Object.assign(telemetry.serve(handle), { close: () => client.close() });
}
