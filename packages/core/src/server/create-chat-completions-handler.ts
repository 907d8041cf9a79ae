import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  type ChatCompletionWithMeta,
  type ChatwireClient,
  createClient,
  type PortkeyResponseMeta,
} from '../client/index.js';
import { APIUserAbortError, ChatRequestError, StreamTruncatedError } from '../errors/index.js';
import type { ChatCompletionStream } from '../stream/index.js';
import type {
  ChatCompletion,
  ChatCompletionChunk,
  ChatCompletionCreateParams,
} from '../types/index.js';
import { applyChatPolicy, resolveChatPolicy } from './chat-policy.js';
import { type ErrorResponse, toErrorResponse } from './error-response.js';
import type {
  ChatCompletionsHandlerOptions,
  ChatFinishInfo,
  ChatRequestContext,
} from './handler-options.js';
import { DEFAULT_TRACE_ID_SOURCES, readIncomingTraceId } from './incoming-trace-id.js';
import { isJsonContentType, readJsonBody } from './read-json-body.js';
import { unsupportedMediaTypeError } from './request-errors.js';
import { SSEResponseWriter } from './sse-response-writer.js';

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

/** The response headers a browser script may read across origins. */
export const EXPOSED_RESPONSE_HEADERS: readonly string[] = Object.freeze([
  'x-portkey-trace-id',
  'x-portkey-cache-status',
  'x-portkey-retry-attempt-count',
  'x-portkey-last-used-option-index',
]);

const DEFAULT_BODY_LIMIT = 1024 * 1024;

const EXPOSED_LIST = EXPOSED_RESPONSE_HEADERS.join(', ');

/** Adds the Portkey headers to `Access-Control-Expose-Headers`, keeping what CORS set there. */
function exposeHeaders(response: ServerResponse): void {
  const current = response.getHeader('access-control-expose-headers');
  if (current === undefined) {
    response.setHeader('access-control-expose-headers', EXPOSED_LIST);
    return;
  }
  const listed = String(current);
  const known = new Set(listed.split(',').map((name) => name.trim().toLowerCase()));
  const missing = EXPOSED_RESPONSE_HEADERS.filter((name) => !known.has(name));
  if (missing.length > 0) {
    const value = listed.trim() === '' ? missing.join(', ') : `${listed}, ${missing.join(', ')}`;
    response.setHeader('access-control-expose-headers', value);
  }
}

/** The Portkey headers of the upstream answer that the browser gets too. */
function answerHeaders(meta: PortkeyResponseMeta, traceId: string): Record<string, string> {
  const headers: Record<string, string> = { 'x-portkey-trace-id': meta.traceId ?? traceId };
  if (meta.cacheStatus !== null) headers['x-portkey-cache-status'] = meta.cacheStatus;
  if (meta.retryAttemptCount !== null) {
    headers['x-portkey-retry-attempt-count'] = String(meta.retryAttemptCount);
  }
  if (meta.lastUsedOptionIndex !== null) {
    headers['x-portkey-last-used-option-index'] = String(meta.lastUsedOptionIndex);
  }
  return headers;
}

/** The usage-only chunk of a stream: the token counts, with no choice in it. */
function isUsageOnlyChunk(chunk: ChatCompletionChunk): boolean {
  return chunk.choices.length === 0 && chunk.usage != null;
}

function hasKeys(record: object): boolean {
  for (const _ in record) return true;
  return false;
}

function sendJson(response: ServerResponse, status: number, json: string): void {
  response.statusCode = status;
  response.setHeader('content-type', 'application/json');
  response.setHeader('content-length', Buffer.byteLength(json));
  response.end(json);
}

function sendError(response: ServerResponse, answer: ErrorResponse): void {
  if (answer.status === 413 || answer.status === 405) response.setHeader('connection', 'close');
  if (answer.status === 405) response.setHeader('allow', 'POST');
  sendJson(response, answer.status, JSON.stringify(answer.body));
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
  const traceSources = options.traceIdHeaders ?? DEFAULT_TRACE_ID_SOURCES;
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const streamUsage = options.streamUsage ?? true;
  let ownClient: ChatwireClient | undefined;
  const client = (): ChatwireClient => {
    if (options.client !== undefined) return options.client;
    ownClient ??= createClient();
    return ownClient;
  };

  const reportError = async (
    error: unknown,
    context: ChatRequestContext | undefined,
  ): Promise<void> => {
    if (options.onError === undefined) return;
    try {
      await options.onError(error, context);
    } catch {
      // A failing logger must not take the endpoint down with it.
    }
  };

  // Takes a builder so that nothing is computed for servers without `onFinish`.
  const reportFinish = async (build: () => ChatFinishInfo): Promise<void> => {
    if (options.onFinish === undefined) return;
    const info = build();
    try {
      await options.onFinish(info);
    } catch (error) {
      await reportError(error, info.context);
    }
  };

  const finishInfo = (
    context: ChatRequestContext,
    fields: Pick<ChatFinishInfo, 'stream' | 'status' | 'cacheStatus' | 'aborted' | 'completion'> & {
      firstByteAt: number | undefined;
    },
  ): ChatFinishInfo => {
    const { completion, firstByteAt, ...rest } = fields;
    return {
      ...rest,
      traceId: context.traceId,
      model: completion?.model ?? context.body.model,
      usage: completion?.usage ?? undefined,
      finishReason: completion?.choices[0]?.finish_reason ?? null,
      latencyMs: performance.now() - context.startedAt,
      timeToFirstByteMs: firstByteAt === undefined ? undefined : firstByteAt - context.startedAt,
      completion,
      context,
    };
  };

  const answerJson = async (
    context: ChatRequestContext,
    completion: ChatCompletionWithMeta,
  ): Promise<void> => {
    const { response } = context;
    const meta = completion.meta;
    for (const [name, value] of Object.entries(answerHeaders(meta, context.traceId))) {
      response.setHeader(name, value);
    }
    sendJson(response, meta.status, JSON.stringify(completion));
    await reportFinish(() =>
      finishInfo(context, {
        stream: false,
        status: meta.status,
        cacheStatus: meta.cacheStatus,
        aborted: false,
        completion,
        firstByteAt: performance.now(),
      }),
    );
  };

  const answerStream = async (
    context: ChatRequestContext,
    stream: ChatCompletionStream,
    usageForBrowser: boolean,
  ): Promise<void> => {
    const writer = new SSEResponseWriter(context.response, { keepAliveMs: options.keepAliveMs });
    const meta = stream.meta;
    writer.start(meta.status, answerHeaders(meta, context.traceId));
    let firstByteAt: number | undefined;
    let readError: unknown;
    try {
      // Usage asked for on the browser's behalf stays here: a usage-only chunk (`choices: []`)
      // would break clients that read `chunk.choices[0]` without asking for it.
      const events = stream.eventBytes(
        usageForBrowser ? undefined : { omitChunk: isUsageOnlyChunk },
      );
      for await (const bytes of events) {
        firstByteAt ??= performance.now();
        if (!writer.write(bytes)) await writer.drained();
        // Leaving the loop aborts the upstream call.
        if (writer.closed) break;
      }
    } catch (error) {
      readError = error;
    }
    const browserLeft = writer.closed;

    let completion: ChatCompletion | undefined;
    let outcome: unknown;
    try {
      completion = await stream.finalChatCompletion();
    } catch (error) {
      outcome = error;
    }
    if (!browserLeft) {
      if (readError !== undefined) {
        // The connection to the upstream failed mid-answer: tell the browser before closing.
        writer.fail(toErrorResponse(readError).body);
      } else if (StreamTruncatedError.isInstance(outcome)) {
        writer.fail(toErrorResponse(outcome).body);
      } else {
        // An upstream `event: error` was passed on as it came; the stream ends here either way.
        writer.end();
      }
    }
    const failure = readError ?? outcome;
    if (failure !== undefined && !browserLeft && !APIUserAbortError.isInstance(failure)) {
      await reportError(failure, context);
      return;
    }
    await reportFinish(() =>
      finishInfo(context, {
        stream: true,
        status: meta.status,
        cacheStatus: meta.cacheStatus,
        aborted: browserLeft,
        completion,
        firstByteAt,
      }),
    );
  };

  const handle = async (
    request: IncomingMessage,
    response: ServerResponse,
    parsedBody?: unknown,
  ): Promise<void> => {
    const startedAt = performance.now();
    const controller = new AbortController();
    const onClose = (): void => {
      if (!response.writableFinished) controller.abort();
    };
    response.once('close', onClose);
    let context: ChatRequestContext | undefined;
    let traceId = readIncomingTraceId(request.headers, traceSources) ?? crypto.randomUUID();
    response.setHeader('x-portkey-trace-id', traceId);
    exposeHeaders(response);
    try {
      if (request.method !== 'POST') {
        throw new ChatRequestError({
          status: 405,
          message: `Method ${request.method ?? ''} is not allowed; use POST.`,
          code: 'method_not_allowed',
        });
      }
      let raw: unknown;
      if (parsedBody === undefined) {
        raw = await readJsonBody(request, { limit: bodyLimit });
      } else if (isJsonContentType(request.headers['content-type'])) {
        raw = parsedBody;
      } else {
        throw unsupportedMediaTypeError();
      }
      const body = (await applyChatPolicy(
        policy,
        raw,
        request,
      )) as unknown as ChatCompletionCreateParams;
      context = { request, response, body, traceId, startedAt };

      const denial = options.onRequest === undefined ? undefined : await options.onRequest(context);
      if (denial !== undefined) {
        throw new ChatRequestError({
          status: denial.status,
          message: denial.message,
          code: denial.code ?? 'request_denied',
          type: denial.type,
        });
      }
      const upstream =
        (options.portkeyOptions === undefined
          ? undefined
          : await options.portkeyOptions(request, context)) ?? {};
      if (typeof upstream.traceId === 'string' && upstream.traceId !== traceId) {
        traceId = upstream.traceId;
        context = { ...context, traceId };
        response.setHeader('x-portkey-trace-id', traceId);
      }
      const requestOptions = hasKeys(upstream)
        ? { ...upstream, traceId, signal: controller.signal }
        : // Sent as a header rather than an option: the client then reuses its prebuilt headers.
          { headers: { 'x-portkey-trace-id': traceId }, signal: controller.signal };
      const completions = client().chat.completions;
      const current = context;
      if (current.body.stream === true) {
        const browserAskedUsage = current.body.stream_options?.include_usage === true;
        if (streamUsage && !browserAskedUsage) {
          current.body.stream_options = { ...current.body.stream_options, include_usage: true };
        }
        const stream = await completions.create(current.body, requestOptions);
        // Without streamUsage the upstream sends usage only when the browser asked for it.
        await answerStream(current, stream, browserAskedUsage || !streamUsage);
      } else {
        const completion = await completions.create(current.body, requestOptions);
        await answerJson(current, completion);
      }
    } catch (error) {
      if (controller.signal.aborted) {
        // The browser left before the answer began: nobody is left to answer.
        const left = context;
        if (left !== undefined) {
          await reportFinish(() =>
            finishInfo(left, {
              stream: left.body.stream === true,
              status: 0,
              cacheStatus: null,
              aborted: true,
              completion: undefined,
              firstByteAt: undefined,
            }),
          );
        }
        return;
      }
      const answer = toErrorResponse(error);
      if (!response.headersSent) sendError(response, answer);
      else if (!response.writableEnded) response.end();
      await reportError(error, context);
    } finally {
      response.off('close', onClose);
    }
  };

  return Object.assign(handle, {
    close: async (): Promise<void> => {
      const owned = ownClient;
      ownClient = undefined;
      await owned?.close();
    },
  });
}
