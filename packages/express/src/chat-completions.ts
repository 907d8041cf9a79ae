import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  type ChatCompletionsHandlerOptions,
  createChatCompletionsHandler,
} from '@chatwire/core/server';

/**
 * Options of {@link chatCompletions}: the server's policy, its Portkey client and options,
 * tracing, limits and hooks. Every field is optional; the defaults are safe for a public
 * endpoint (see the README).
 */
export type ChatCompletionsOptions = ChatCompletionsHandlerOptions;

/** The request as the middleware reads it: Express's, with the body a body parser may have set. */
export type ChatCompletionsRequest = IncomingMessage & { body?: unknown };

/**
 * The Express handler returned by {@link chatCompletions}. It works with Express 5 and 4 (it
 * only uses node:http's request and response).
 */
export interface ChatCompletionsMiddleware {
  (
    request: ChatCompletionsRequest,
    response: ServerResponse,
    next: (error?: unknown) => void,
  ): void;
  /**
   * Closes the Portkey client the middleware made from the environment (when `options.client`
   * was not given), freeing its pooled connections. Call it when the server shuts down.
   */
  close(): Promise<void>;
}

/**
 * A production chat completions endpoint for Express: mount it on a `POST` route and the
 * browser talks to Portkey through your server, which holds the credentials and the policy.
 *
 * It validates the body (OpenAI-shaped 400 errors naming the field), applies the policy
 * (allowed models and parameters, token and size caps), adds your Portkey options and a trace
 * id, and answers with JSON or a server-sent event stream passed on byte for byte, with
 * backpressure, keep-alive comments, and the upstream call aborted the moment the browser
 * leaves. It reads the JSON body itself (up to `bodyLimit`), or uses `req.body` when a body
 * parser already ran.
 *
 * @example
 * ```ts
 * import express from 'express';
 * import { createClient } from '@chatwire/core';
 * import { chatCompletions } from '@chatwire/express';
 *
 * const client = createClient({ provider: '@openai-prod' });
 * const app = express();
 * app.post('/api/chat', chatCompletions({ client, allowedModels: ['gpt-4o-mini'] }));
 * app.listen(3000);
 * ```
 */
export function chatCompletions(options: ChatCompletionsOptions = {}): ChatCompletionsMiddleware {
  const handle = createChatCompletionsHandler(options);
  const middleware = (
    request: ChatCompletionsRequest,
    response: ServerResponse,
    next: (error?: unknown) => void,
  ): void => {
    handle(request, response, request.body).catch(next);
  };
  return Object.assign(middleware, { close: () => handle.close() });
}
