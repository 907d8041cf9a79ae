import type { ChatCompletionsHandler } from '@chatwire/core/server';
import { All, Controller, Inject, Req, Res, type Type, UseFilters } from '@nestjs/common';
import { CHATWIRE_ENDPOINT } from './chatwire.constants.js';
import { ChatwireExceptionFilter } from './chatwire-exception.filter.js';
import {
  nodeRequestOf,
  type PlatformRequest,
  type PlatformResponse,
  takeNodeResponse,
} from './platform-exchange.js';

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
 * It runs on `@nestjs/platform-express` and `@nestjs/platform-fastify` alike, serving node's
 * request and response under the platform's (on Fastify, the reply is hijacked). On Express,
 * create the application with `NestFactory.create(AppModule, { bodyParser: false })` so that the
 * endpoint reads the body itself, within its `bodyLimit` (1 MiB by default) and with its own
 * OpenAI-shaped 400/413/415 answers; with Nest's parser on, the parser's 100 kB limit and error
 * body apply first. Fastify always parses the body before any route runs, within its own
 * `bodyLimit`: make {@link ChatwireExceptionFilter} global so that its refusals get the
 * endpoint's answers.
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
    async handle(
      @Req() request: PlatformRequest,
      @Res() response: PlatformResponse,
    ): Promise<void> {
      // Without a body parser (Express with `bodyParser: false`) the body is unread here, and
      // the handler reads it itself within the endpoint's `bodyLimit`.
      await this.handler(nodeRequestOf(request), takeNodeResponse(response), request.body);
    }
  }
  return ChatCompletionsController;
}

/** What a controller made by {@link createChatCompletionsController} looks like. */
export interface ChatCompletionsControllerShape {
  /** The shared chat completions handler built from the module's endpoint options. */
  readonly handler: ChatCompletionsHandler;
  /**
   * Serves one request: validation, policy, the upstream call and the answer. Takes the
   * platform's request and response: node's own on Express, Fastify's request and reply.
   */
  handle(request: PlatformRequest, response: PlatformResponse): Promise<void>;
}
