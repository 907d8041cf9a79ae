import type { IncomingMessage, ServerResponse } from 'node:http';
import { nodeExchange } from './edge/node-edge.js';
import type { ChatCompletionsHandlerOptions } from './handler-options.js';
import { createChatPipeline } from './pipeline/chat-pipeline.js';

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
 * For web-standard servers (Next.js, Hono, Bun, Deno) see `createChatCompletionsFetchHandler`.
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
  const pipeline = createChatPipeline(options);
  const handle = (
    request: IncomingMessage,
    response: ServerResponse,
    parsedBody?: unknown,
  ): Promise<void> => pipeline.serve(nodeExchange(request, response, parsedBody));
  return Object.assign(handle, { close: pipeline.close });
}
