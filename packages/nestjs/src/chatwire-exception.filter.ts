import type { ServerResponse } from 'node:http';
import {
  type ErrorResponse,
  invalidJsonError,
  requestTooLargeError,
  toErrorResponse,
  typeForStatus,
} from '@chatwire/core/server';
import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException } from '@nestjs/common';

/** The byte limit a body parser's 413 reports, when it reports one. */
function limitOf(cause: unknown): number | undefined {
  if (cause === null || typeof cause !== 'object') return undefined;
  const limit = (cause as { limit?: unknown }).limit;
  return typeof limit === 'number' ? limit : undefined;
}

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
  const status = exception.getStatus();
  if (status === 400 && exception.cause instanceof SyntaxError) {
    return toErrorResponse(invalidJsonError());
  }
  if (status === 413) return toErrorResponse(requestTooLargeError(limitOf(exception.cause)));
  return {
    status,
    body: {
      error: {
        message: status >= 500 ? 'The server failed to answer the request.' : exception.message,
        type: typeForStatus(status),
        param: null,
        code: codeOf(exception),
      },
    },
  };
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
    if (response.headersSent) {
      if (!response.writableEnded) response.end();
      return;
    }
    const json = JSON.stringify(answer.body);
    response.statusCode = answer.status;
    response.setHeader('content-type', 'application/json');
    response.setHeader('content-length', Buffer.byteLength(json));
    response.end(json);
  }
}
