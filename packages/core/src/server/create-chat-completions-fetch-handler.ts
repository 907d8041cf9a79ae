import { webExchange } from './edge/web-edge.js';
import type { ChatCompletionsHandlerOptions } from './handler-options.js';
import { createChatPipeline } from './pipeline/chat-pipeline.js';

/**
 * Options of {@link createChatCompletionsFetchHandler}: those of the node:http handler, with
 * the hooks receiving the web-standard `Request`, and as the context's `response` the `Headers`
 * the answer will carry.
 */
export type ChatCompletionsFetchHandlerOptions = ChatCompletionsHandlerOptions<Request, Headers>;

/**
 * Answers one chat completions `Request` with a `Response`: JSON, or a stream of server-sent
 * events that the server reads as the client takes it. The promise resolves as soon as the
 * answer begins; it never rejects.
 */
export type ChatCompletionsFetchHandler = ((request: Request) => Promise<Response>) & {
  /** Closes the client the handler made itself (none when `options.client` was given). */
  close(): Promise<void>;
};

/**
 * Creates the chat completions endpoint for web-standard servers (Next.js route handlers,
 * Hono, Bun, Deno): the same options, rules and answers as `createChatCompletionsHandler`
 * (validation, policy, body limits, trace ids, hooks, timeouts, resumable turns), over
 * `Request` and `Response`. The upstream call is aborted when `request.signal` aborts or the
 * answer's stream is cancelled (the client left).
 *
 * @example
 * ```ts
 * // app/api/chat/route.ts (Next.js App Router)
 * import { createChatCompletionsFetchHandler } from '@chatwire/core/server';
 *
 * export const runtime = 'nodejs';
 * const handler = createChatCompletionsFetchHandler({ defaultModel: 'gpt-4o-mini' });
 * export const POST = handler;
 * ```
 */
export function createChatCompletionsFetchHandler(
  options: ChatCompletionsFetchHandlerOptions = {},
): ChatCompletionsFetchHandler {
  const pipeline = createChatPipeline(options);
  const handle = (request: Request): Promise<Response> => {
    const exchange = webExchange(request);
    // The answer begins (a Response) long before a stream ends: the rest runs on.
    void pipeline.serve(exchange).finally(exchange.abandon);
    return exchange.answer;
  };
  return Object.assign(handle, { close: pipeline.close });
}
