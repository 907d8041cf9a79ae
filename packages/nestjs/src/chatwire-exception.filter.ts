import {
  type ErrorResponse,
  setUpstreamErrorHeaders,
  statusErrorResponse,
  toErrorResponse,
  writeErrorResponse,
} from '@chatwire/core/server';
import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException } from '@nestjs/common';
import {
  type PlatformRequest,
  type PlatformResponse,
  platformBodyLimit,
  takeNodeResponse,
} from './platform-exchange.js';

function codeOf(exception: HttpException): string | null {
  const body = exception.getResponse();
  if (body !== null && typeof body === 'object') {
    const code = (body as Record<string, unknown>).code;
    if (typeof code === 'string' && code !== '') return code;
  }
  return null;
}

/**
 * Nest's own exceptions keep their status and message, in OpenAI's error shape. The body
 * parser's refusals (Express's, or Fastify's, which Nest wraps with the original as `cause`) get
 * the wording and codes the chat endpoint uses for the same faults.
 */
function fromHttpException(exception: HttpException, request: PlatformRequest): ErrorResponse {
  return statusErrorResponse(exception.getStatus(), exception.message, {
    cause: exception.cause,
    code: codeOf(exception),
    bodyLimit: platformBodyLimit(request),
  });
}

/**
 * Answers errors in the OpenAI error shape the chat endpoint and `@chatwire/express` use,
 * `{ "error": { "message", "type", "param", "code" } }`, so one client-side error path serves
 * every route:
 *
 * - chatwire errors as the chat endpoint maps them: an upstream `APIError` keeps its status
 *   and the upstream's message and code, and its `retry-after`, `x-request-id` and Portkey
 *   headers; a timeout is 504, an unreachable gateway 502;
 * - Nest's `HttpException`s (from guards, pipes, your own code) keep their status and
 *   message;
 * - anything else is a 500 with a generic message, so internals never leak.
 *
 * The chat endpoint's controller uses it already. Apply it to your own controllers that call
 * `ChatCompletionsService` with `@UseFilters(ChatwireExceptionFilter)`, or to the whole app
 * with `app.useGlobalFilters(new ChatwireExceptionFilter())`, which also covers the bodies a
 * body parser refuses before any route runs (Nest's on Express, Fastify's own): malformed JSON
 * (400 `invalid_json`), too large (413 `request_too_large`) or of a type Fastify does not parse
 * (415 `unsupported_media_type`).
 *
 * It works on `@nestjs/platform-express` and `@nestjs/platform-fastify` alike: on Fastify, it
 * hijacks the reply and writes node's response under it.
 */
@Catch()
export class ChatwireExceptionFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = takeNodeResponse(http.getResponse<PlatformResponse>());
    const answer =
      exception instanceof HttpException
        ? fromHttpException(exception, http.getRequest<PlatformRequest>())
        : toErrorResponse(exception);
    setUpstreamErrorHeaders(response, exception);
    writeErrorResponse(response, answer);
  }
}
