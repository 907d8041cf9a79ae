import type { APIError } from '../errors/index.js';
import { type ErrorResponse, typeForStatus } from './error-response.js';

/**
 * How much of an upstream's error the browser is told. `'safe'`: the upstream's own message
 * only where it is about the request the browser made (400, 422, 429), a message of ours
 * elsewhere. `'forward'`: the upstream's message in every case. Either way the request's
 * credentials are redacted from it.
 */
export type UpstreamErrorsMode = 'safe' | 'forward';

/** Statuses whose message is about the browser's own request, not the server's setup. */
const BROWSER_FAULTS: ReadonlySet<number> = new Set([400, 422, 429]);

/** An upstream's `type` or `code` is passed on only when it is a plain identifier. */
const IDENTIFIER = /^[A-Za-z0-9_.-]{1,64}$/;

function identifier(value: string | null): string | null {
  return value !== null && IDENTIFIER.test(value) ? value : null;
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The message field of a JSON error body, in the OpenAI or the gateway shape. */
function jsonMessage(body: unknown): string | undefined {
  if (body === null || typeof body !== 'object') return undefined;
  const record = body as Record<string, unknown>;
  const inner = record.error;
  if (inner !== null && typeof inner === 'object') {
    const message = nonEmpty((inner as Record<string, unknown>).message);
    if (message !== undefined) return message;
  }
  return nonEmpty(inner) ?? nonEmpty(record.message);
}

/** The upstream's words: its JSON message, else a short text body. */
function upstreamWords(body: unknown): string | undefined {
  if (typeof body === 'string' && body !== '' && body.length <= 1000) return body;
  return jsonMessage(body);
}

/** What happened, in our words, for a status whose upstream message is not passed on. */
function safeWording(status: number | undefined, body: unknown): string {
  if (status === undefined) return 'The upstream reported an error during the answer';
  if (status < 300) return 'The upstream answered with a body that is not JSON';
  if (typeof body === 'string') {
    return `The upstream answered with status ${status} and a body that is not JSON`;
  }
  if (status === 401) return "The upstream rejected the server's credentials";
  if (status === 403) return "The upstream did not allow the server's credentials this call";
  if (status === 404) return 'The upstream did not find the model, route or config asked for';
  if (status === 412) return "The budget of the server's upstream key is exhausted";
  if (status === 446) return 'A guardrail of the upstream denied the request';
  if (status >= 500) return `The upstream failed with status ${status}`;
  return `The upstream refused the request with status ${status}`;
}

function withTraceId(wording: string, traceID: string | null): string {
  return traceID === null ? `${wording}.` : `${wording} (trace id ${traceID}).`;
}

/**
 * The answer for an error the upstream reported: its status (a 502 for a success status whose
 * body was not JSON, or an error event inside a stream), and its message or ours as `mode`
 * says. The client has already redacted the request's credentials from the error.
 */
export function upstreamErrorResponse(error: APIError, mode: UpstreamErrorsMode): ErrorResponse {
  const upstreamStatus = error.status;
  const status = upstreamStatus === undefined || upstreamStatus < 300 ? 502 : upstreamStatus;
  const words = upstreamWords(error.error);
  // A success status with a body that is not JSON has no message: it is a broken upstream.
  const broken = upstreamStatus !== undefined && upstreamStatus < 300;
  const forwarded =
    words !== undefined &&
    !broken &&
    (mode === 'forward' ||
      (upstreamStatus !== undefined &&
        BROWSER_FAULTS.has(upstreamStatus) &&
        typeof error.error !== 'string'));
  if (forwarded) {
    return {
      status,
      body: {
        error: {
          message: words,
          type: error.type ?? typeForStatus(status),
          param: error.param,
          code: error.code,
        },
      },
    };
  }
  return {
    status,
    body: {
      error: {
        message: withTraceId(safeWording(upstreamStatus, error.error), error.traceID),
        type: identifier(error.type) ?? typeForStatus(status),
        param: null,
        code: identifier(error.code),
      },
    },
  };
}
