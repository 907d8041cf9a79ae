import type { ServerResponse } from 'node:http';
import {
  type ErrorResponse,
  statusErrorResponse,
  toErrorResponse,
  writeErrorResponse,
} from '@chatwire/core/server';
import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException } from '@nestjs/common';

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
 * parser's refusals get the wording and codes the chat endpoint uses for the same faults.
 */
function fromHttpException(exception: HttpException): ErrorResponse {
  return statusErrorResponse(exception.getStatus(), exception.message, {
    cause: exception.cause,
    code: codeOf(exception),
  });
}

/**
 * Answers errors in the OpenAI error shape the chat endpoint and `@chatwire/express` use,
 * `{ "error": { "message", "type", "param", "code" } }`, so one client-side error path serves
 * every route:
 *
 * - chatwire errors as the chat endpoint maps them: an upstream `APIError` keeps its status
 *   and the upstream's message and code; a timeout is 504, an unreachable gateway 502;
 * - Nest's `HttpException`s (from guards, pipes, your own code) keep their status and
 *   message;
 * - anything else is a 500 with a generic message, so internals never leak.
 *
 * The chat endpoint's controller uses it already. Apply it to your own controllers that call
 * `ChatCompletionsService` with `@UseFilters(ChatwireExceptionFilter)`, or to the whole app
 * with `app.useGlobalFilters(new ChatwireExceptionFilter())` (which also covers malformed JSON
 * bodies, refused by Nest's body parser before any route runs).
 */
@Catch()
export class ChatwireExceptionFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<ServerResponse>();
    const answer =
      exception instanceof HttpException
        ? fromHttpException(exception)
        : toErrorResponse(exception);
    writeErrorResponse(response, answer);
  }
}
