import { ChatwireError } from './chatwire-error.js';
import { describeStatus, readErrorBody } from './error-body.js';

/**
 * An error answered by Portkey (or the provider behind it), or a failure to get an answer at
 * all (`status` is then `undefined`; see {@link APIConnectionError}).
 */
export class APIError extends ChatwireError {
  static override readonly brand: string = 'APIError';
  /** The HTTP status, or `undefined` when no answer arrived or the error came inside a stream. */
  readonly status: number | undefined;
  /** The response headers, when a response arrived. */
  readonly headers: Headers | undefined;
  /**
   * The parsed error body as the server sent it (JSON when it parsed, else the text), with the
   * request's credentials redacted. Not enumerable, so loggers and `JSON.stringify` leave it out.
   */
  declare readonly error: unknown;
  /** The `x-request-id` (or `request-id`) response header, when present. */
  readonly requestID: string | null;
  /**
   * Portkey's trace id for the failed call: the `x-portkey-trace-id` response header, else the
   * trace id chatwire sent, so a failure can always be looked up in Portkey's logs.
   */
  readonly traceID: string | null;
  /** `error.code` of the body, e.g. `rate_limit_exceeded`. */
  readonly code: string | null;
  /** `error.type` of the body, e.g. `invalid_request_error`. */
  readonly type: string | null;
  /** `error.param` of the body: the request parameter the server objected to. */
  readonly param: string | null;

  constructor(
    status: number | undefined,
    error: unknown,
    message: string | undefined,
    headers: Headers | undefined,
    traceID?: string | null,
  ) {
    const fields = readErrorBody(error);
    super(message ?? describeStatus(status, fields.message, error));
    this.status = status;
    this.headers = headers;
    // Not enumerable: a body can echo credentials, and loggers and JSON.stringify print what
    // is enumerable.
    Object.defineProperty(this, 'error', { value: error, enumerable: false });
    this.code = fields.code;
    this.type = fields.type;
    this.param = fields.param;
    this.requestID = headers?.get('x-request-id') ?? headers?.get('request-id') ?? null;
    this.traceID = headers?.get('x-portkey-trace-id') ?? traceID ?? null;
  }

  /**
   * Builds the subclass that matches `status` (401 → {@link AuthenticationError}, 429 →
   * {@link RateLimitError}, …). The message is the server's, followed by what to do about it.
   */
  static generate(
    status: number | undefined,
    body: unknown,
    message: string | undefined,
    headers: Headers | undefined,
    traceID?: string | null,
  ): APIError {
    const { ErrorClass, hint } = status === undefined ? unmapped : statusError(status);
    const detail = message ?? readErrorBody(body).message;
    const text = describeStatus(status, detail, body) + (hint === '' ? '' : ` ${hint}`);
    return new ErrorClass(status, body, text, headers, traceID);
  }
}

/** 400: the request was malformed or a parameter was refused. */
export class BadRequestError extends APIError {
  static override readonly brand: string = 'BadRequestError';
}

/** 401: no API key, or a wrong one. */
export class AuthenticationError extends APIError {
  static override readonly brand: string = 'AuthenticationError';
}

/** 403: the key may not use this model, provider or workspace. */
export class PermissionDeniedError extends APIError {
  static override readonly brand: string = 'PermissionDeniedError';
}

/** 404: wrong path, model, config id or provider slug. */
export class NotFoundError extends APIError {
  static override readonly brand: string = 'NotFoundError';
}

/** 409: a conflicting request; retried automatically. */
export class ConflictError extends APIError {
  static override readonly brand: string = 'ConflictError';
}

/** 412: the budget or rate limit configured on the Portkey key was exhausted. */
export class BudgetExceededError extends APIError {
  static override readonly brand: string = 'BudgetExceededError';
}

/** 422: the request parsed but could not be processed. */
export class UnprocessableEntityError extends APIError {
  static override readonly brand: string = 'UnprocessableEntityError';
}

/** 429: rate limited; retried automatically, honouring `retry-after`. */
export class RateLimitError extends APIError {
  static override readonly brand: string = 'RateLimitError';
}

/** 446: a Portkey guardrail denied the request or the answer. */
export class GuardrailDeniedError extends APIError {
  static override readonly brand: string = 'GuardrailDeniedError';
}

/** 5xx: the gateway or the provider failed; retried automatically. */
export class InternalServerError extends APIError {
  static override readonly brand: string = 'InternalServerError';
}

/** The class an answer's status maps to, and what a user can do about it. */
interface StatusError {
  ErrorClass: typeof APIError;
  /** Appended to generated messages; empty when there is nothing to suggest. */
  hint: string;
}

const unmapped: StatusError = { ErrorClass: APIError, hint: '' };

const STATUS_ERRORS = new Map<number, StatusError>([
  [400, { ErrorClass: BadRequestError, hint: 'Check the request body and `param` of this error.' }],
  [
    401,
    {
      ErrorClass: AuthenticationError,
      hint: 'Check PORTKEY_API_KEY or the apiKey option (and the provider credential).',
    },
  ],
  [
    403,
    {
      ErrorClass: PermissionDeniedError,
      hint: 'The API key lacks permission for this call; check its scopes in Portkey.',
    },
  ],
  [
    404,
    {
      ErrorClass: NotFoundError,
      hint: 'Check the baseURL (it should end in /v1), the model, the config id and the provider.',
    },
  ],
  [
    409,
    { ErrorClass: ConflictError, hint: 'The request conflicted with another one; retry later.' },
  ],
  [
    412,
    {
      ErrorClass: BudgetExceededError,
      hint: 'The budget set on this Portkey key is exhausted; raise it in Portkey.',
    },
  ],
  [
    422,
    {
      ErrorClass: UnprocessableEntityError,
      hint: 'Check the request body against the API reference.',
    },
  ],
  [
    429,
    {
      ErrorClass: RateLimitError,
      hint: 'Rate limited: wait for the retry-after header (see `headers`) or raise maxRetries.',
    },
  ],
  [
    446,
    {
      ErrorClass: GuardrailDeniedError,
      hint: 'A Portkey guardrail denied this request; see `error` for its verdicts.',
    },
  ],
]);

const serverFailure: StatusError = {
  ErrorClass: InternalServerError,
  hint: 'The gateway or the provider failed; retry later.',
};

function statusError(status: number): StatusError {
  return STATUS_ERRORS.get(status) ?? (status >= 500 ? serverFailure : unmapped);
}

/** Options of the errors raised when no answer arrived. */
export interface APIConnectionErrorOptions {
  /** What went wrong, in full; a default that names the failure is used when absent. */
  message?: string;
  /** The underlying error (a socket error, a DNS failure, …). */
  cause?: unknown;
  /** The trace id chatwire sent with the failed call. */
  traceID?: string | null;
}

/** No answer arrived: the connection failed or was reset. Retried automatically. */
export class APIConnectionError extends APIError {
  static override readonly brand: string = 'APIConnectionError';

  constructor(options: APIConnectionErrorOptions = {}) {
    super(
      undefined,
      undefined,
      options.message ??
        'Connection error: no answer from the server. Check the baseURL option (or PORTKEY_BASE_URL) and that the gateway is reachable.',
      undefined,
      options.traceID,
    );
    if (options.cause !== undefined) this.cause = options.cause;
  }
}

/** The `timeout` elapsed: before the answer, during it, or between two stream chunks. */
export class APIConnectionTimeoutError extends APIConnectionError {
  static override readonly brand: string = 'APIConnectionTimeoutError';

  constructor(options: APIConnectionErrorOptions = {}) {
    super({
      ...options,
      message:
        options.message ?? 'Request timed out. Raise the timeout option if answers are slow.',
    });
  }
}

/** The caller aborted the request with its `signal` (or `stream.abort()`). Never retried. */
export class APIUserAbortError extends APIError {
  static override readonly brand: string = 'APIUserAbortError';

  constructor(options: Omit<APIConnectionErrorOptions, 'message'> & { message?: string } = {}) {
    super(
      undefined,
      undefined,
      options.message ?? 'Request was aborted.',
      undefined,
      options.traceID,
    );
    if (options.cause !== undefined) this.cause = options.cause;
  }
}
