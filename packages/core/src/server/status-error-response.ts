import { type ErrorResponse, toErrorResponse, typeForStatus } from './error-response.js';
import { invalidJsonError, requestTooLargeError } from './request-errors.js';

/** What framework code said besides the status, when it said it. */
export interface StatusErrorDetails {
  /** The error behind it: a body parser's `SyntaxError`, or its 413 with the byte `limit`. */
  cause?: unknown;
  /** A machine-readable code for the body; `null` by default. */
  code?: string | null;
}

/** The byte limit a body parser's 413 reports, when it reports one. */
function limitOf(cause: unknown): number | undefined {
  if (cause === null || typeof cause !== 'object') return undefined;
  const limit = (cause as { limit?: unknown }).limit;
  return typeof limit === 'number' ? limit : undefined;
}

/**
 * The error answer for an HTTP status raised by framework code rather than by chatwire (a
 * guard's 403, a body parser's refusal): the status and message kept, in the OpenAI error
 * shape. A body parser's malformed JSON (400 caused by a `SyntaxError`) and oversized body
 * (413) get the chat endpoint's own wording and codes (`invalid_json`, `request_too_large`);
 * from 500 on the message is a generic one, so internals never leak.
 */
export function statusErrorResponse(
  status: number,
  message: string,
  details: StatusErrorDetails = {},
): ErrorResponse {
  if (status === 400 && details.cause instanceof SyntaxError) {
    return toErrorResponse(invalidJsonError());
  }
  if (status === 413) return toErrorResponse(requestTooLargeError(limitOf(details.cause)));
  return {
    status,
    body: {
      error: {
        message: status >= 500 ? 'The server failed to answer the request.' : message,
        type: typeForStatus(status),
        param: null,
        code: details.code ?? null,
      },
    },
  };
}
