import {
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  ChatRequestError,
  StreamTruncatedError,
} from '../errors/index.js';
import { type UpstreamErrorsMode, upstreamErrorResponse } from './upstream-error-response.js';

/** The error body OpenAI (and Portkey) answer with, so that any OpenAI client can read it. */
export interface OpenAIErrorBody {
  error: {
    /** What went wrong, for a developer to read. */
    message: string;
    /** The kind of error, e.g. `invalid_request_error`, `api_error`. */
    type: string;
    /** The request parameter at fault, as a path (`messages[2].content`), or `null`. */
    param: string | null;
    /** A stable machine-readable code, e.g. `model_not_allowed`, or `null`. */
    code: string | null;
  };
}

/** An error answer of the chat endpoint: an HTTP status and an OpenAI-shaped body. */
export interface ErrorResponse {
  /** The HTTP status sent when the answer has not started yet. */
  status: number;
  /** The body, sent as JSON before the answer started, or as `event: error` data after. */
  body: OpenAIErrorBody;
}

/** A boolean rather than a type guard: the abort class has the shape of its base class. */
function isUserAbort(error: APIError): boolean {
  return APIUserAbortError.isInstance(error);
}

/**
 * The OpenAI error type for an HTTP status: `authentication_error` (401), `permission_error`
 * (403), `rate_limit_error` (429), `api_error` (5xx), else `invalid_request_error`.
 */
export function typeForStatus(status: number): string {
  if (status === 401) return 'authentication_error';
  if (status === 403) return 'permission_error';
  if (status === 429) return 'rate_limit_error';
  if (status >= 500) return 'api_error';
  return 'invalid_request_error';
}

/** Options of {@link toErrorResponse}. */
export interface ErrorResponseOptions {
  /**
   * How much of an upstream's error the browser is told: `'safe'` (the default) passes the
   * upstream's message on only for 400, 422 and 429, whose messages are about the browser's
   * own request, and says what happened in words of its own (with the trace id) otherwise;
   * `'forward'` passes the upstream's message on in every case, for trusted clients.
   */
  upstreamErrors?: UpstreamErrorsMode;
}

/**
 * Maps any error raised while serving a chat request to the answer the browser gets.
 *
 * - {@link ChatRequestError}: its own status and fields.
 * - An `APIError` the upstream answered (a status, or an error event inside a stream): that
 *   status (502 for a success status whose body was not JSON, or an error event), and a
 *   message as `options.upstreamErrors` says. 401, 403, 404, 412, 446, 5xx, a body that is
 *   not JSON and an error event get a message of ours carrying the trace id, such as "The
 *   upstream rejected the server's credentials (trace id …).", since the upstream's words
 *   there are about the server's setup and may quote its credentials.
 * - A timeout: 504 `upstream_timeout`; any other failure to reach the upstream: 502
 *   `upstream_unreachable`; a stream that ended early: 502 `stream_truncated`.
 * - Anything else: 500 with a generic message, so internals never leak to the browser.
 */
export function toErrorResponse(error: unknown, options: ErrorResponseOptions = {}): ErrorResponse {
  if (ChatRequestError.isInstance(error)) {
    return {
      status: error.status,
      body: {
        error: { message: error.message, type: error.type, param: error.param, code: error.code },
      },
    };
  }
  const upstream = APIError.isInstance(error) ? error : undefined;
  // An error event inside a stream carries no status but does carry the upstream's body.
  if (upstream !== undefined && (upstream.status !== undefined || upstream.error !== undefined)) {
    return upstreamErrorResponse(upstream, options.upstreamErrors ?? 'safe');
  }
  if (upstream !== undefined && !isUserAbort(upstream)) {
    const timedOut = APIConnectionTimeoutError.isInstance(upstream);
    return {
      status: timedOut ? 504 : 502,
      body: {
        error: {
          message: timedOut
            ? 'The upstream did not answer in time.'
            : 'The upstream could not be reached.',
          type: 'api_error',
          param: null,
          code: timedOut ? 'upstream_timeout' : 'upstream_unreachable',
        },
      },
    };
  }
  if (StreamTruncatedError.isInstance(error)) {
    return {
      status: 502,
      body: {
        error: {
          message: 'The upstream stream ended before the answer was complete.',
          type: 'api_error',
          param: null,
          code: 'stream_truncated',
        },
      },
    };
  }
  return {
    status: 500,
    body: {
      error: {
        message: 'The server failed to answer the request.',
        type: 'api_error',
        param: null,
        code: 'internal_error',
      },
    },
  };
}
