import { type ErrorResponse, toErrorResponse, typeForStatus } from './error-response.js';
import {
  invalidJsonError,
  requestTooLargeError,
  unsupportedMediaTypeError,
} from './request-errors.js';

/** What framework code said besides the status, when it said it. */
export interface StatusErrorDetails {
  /**
   * The error behind it: a body parser's `SyntaxError`, its 413 with the byte `limit`, or one of
   * Fastify's body errors (identified by their `code`).
   */
  cause?: unknown;
  /** A machine-readable code for the body; `null` by default. */
  code?: string | null;
  /**
   * The byte limit the framework reads bodies within, named in a 413 whose cause does not
   * carry it (Fastify's `bodyLimit`, for example).
   */
  bodyLimit?: number;
}

/** Fastify's codes for a JSON body it could not parse: malformed, or empty. */
const FASTIFY_INVALID_JSON = new Set([
  'FST_ERR_CTP_INVALID_JSON_BODY',
  'FST_ERR_CTP_EMPTY_JSON_BODY',
]);

/** Fastify's code for a body of a content type it has no parser for. */
const FASTIFY_UNSUPPORTED_MEDIA_TYPE = 'FST_ERR_CTP_INVALID_MEDIA_TYPE';

/** A property of the cause, when the cause is an object that has it. */
function causeProperty(cause: unknown, name: 'code' | 'limit'): unknown {
  return cause !== null && typeof cause === 'object'
    ? (cause as Record<string, unknown>)[name]
    : undefined;
}

function isInvalidJson(cause: unknown): boolean {
  const code = causeProperty(cause, 'code');
  return (
    cause instanceof SyntaxError || (typeof code === 'string' && FASTIFY_INVALID_JSON.has(code))
  );
}

/** The byte limit a body parser's 413 reports, else the framework's own when given. */
function limitOf(details: StatusErrorDetails): number | undefined {
  const limit = causeProperty(details.cause, 'limit');
  return typeof limit === 'number' ? limit : details.bodyLimit;
}

/**
 * The error answer for an HTTP status raised by framework code rather than by chatwire (a
 * guard's 403, a body parser's refusal): the status and message kept, in the OpenAI error
 * shape. A body parser's refusals get the chat endpoint's own wording and codes: malformed JSON
 * (400 caused by a `SyntaxError`, or Fastify's invalid or empty JSON body) `invalid_json`, an
 * oversized body (413) `request_too_large`, and a content type Fastify has no parser for (415)
 * `unsupported_media_type`. From 500 on the message is a generic one, so internals never leak.
 */
export function statusErrorResponse(
  status: number,
  message: string,
  details: StatusErrorDetails = {},
): ErrorResponse {
  if (status === 400 && isInvalidJson(details.cause)) {
    return toErrorResponse(invalidJsonError());
  }
  if (status === 413) return toErrorResponse(requestTooLargeError(limitOf(details)));
  if (status === 415 && causeProperty(details.cause, 'code') === FASTIFY_UNSUPPORTED_MEDIA_TYPE) {
    return toErrorResponse(unsupportedMediaTypeError());
  }
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
