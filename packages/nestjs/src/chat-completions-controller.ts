import type { IncomingMessage, ServerResponse } from 'node:http';
import { type ChatCompletionsHandler, isJsonContentType } from '@chatwire/core/server';
import { All, Controller, Inject, Req, Res, type Type, UseFilters } from '@nestjs/common';
import { CHATWIRE_ENDPOINT } from './chatwire.constants.js';
import { ChatwireExceptionFilter } from './chatwire-exception.filter.js';

/** A request as the Express platform hands it over: node's, with the parsed body when any. */
type ParsedRequest = IncomingMessage & { body?: unknown };

/**
 * Makes the controller class of the chat endpoint, mounted at `path`. `ChatwireModule` does
 * this itself when given `endpoint: { path }`; call it directly to declare the controller in
 * a module of your own, e.g. to put guards on it:
 *
 * @example
 * ```ts
 * @UseGuards(SessionGuard)
 * class ChatController extends createChatCompletionsController('api/chat') {}
 *
 * @Module({ imports: [ChatwireModule.forRoot({ ... })], controllers: [ChatController] })
 * export class ChatModule {}
 * ```
 *
 * The controller writes the answer to the response itself (JSON, or an SSE stream with
 * backpressure that aborts the upstream call when the client leaves), so Nest interceptors
 * that map the returned value do not apply to it. Errors raised before it runs (by guards or
 * pipes) are answered in the same OpenAI error shape by {@link ChatwireExceptionFilter}.
 *
 * @param path The route path, e.g. `'api/chat'`.
 */
export function createChatCompletionsController(
  path: string,
): Type<ChatCompletionsControllerShape> {
  @Controller(path)
  @UseFilters(ChatwireExceptionFilter)
  class ChatCompletionsController implements ChatCompletionsControllerShape {
    constructor(@Inject(CHATWIRE_ENDPOINT) readonly handler: ChatCompletionsHandler) {}

    @All()
    async handle(@Req() request: ParsedRequest, @Res() response: ServerResponse): Promise<void> {
      // A body another parser made from a form is not passed on: the handler then answers 415,
      // as it does for every non-JSON body (a cross-site form needs no CORS preflight).
      const json = isJsonContentType(request.headers['content-type']);
      await this.handler(request, response, json ? request.body : undefined);
    }
  }
  return ChatCompletionsController;
}

/** What a controller made by {@link createChatCompletionsController} looks like. */
export interface ChatCompletionsControllerShape {
  /** The shared chat completions handler built from the module's endpoint options. */
  readonly handler: ChatCompletionsHandler;
  /** Serves one request: validation, policy, the upstream call and the answer. */
  handle(request: IncomingMessage, response: ServerResponse): Promise<void>;
}
