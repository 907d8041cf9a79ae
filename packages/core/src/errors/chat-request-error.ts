import { ChatwireError } from './chatwire-error.js';

/** The fields of a {@link ChatRequestError}. */
export interface ChatRequestErrorInit {
  /** The HTTP status to answer with. */
  status: number;
  /** What went wrong, for a developer to read. */
  message: string;
  /** The error type; defaults to `invalid_request_error`. */
  type?: string;
  /** The request parameter at fault, e.g. `messages[2].content`. */
  param?: string | null;
  /** A stable machine-readable code. */
  code?: string | null;
}

/**
 * A request the chat endpoint refuses (bad JSON, a field that fails validation, a policy
 * refusal, a denial by `onRequest`). It is answered with its status and an OpenAI-shaped body
 * and never reaches Portkey.
 */
export class ChatRequestError extends ChatwireError {
  static override readonly brand: string = 'ChatRequestError';
  /** The HTTP status the endpoint answers with. */
  readonly status: number;
  /** The error type of the body, e.g. `invalid_request_error`. */
  readonly type: string;
  /** The request parameter at fault, or `null`. */
  readonly param: string | null;
  /** A stable machine-readable code, or `null`. */
  readonly code: string | null;

  constructor(init: ChatRequestErrorInit) {
    super(init.message);
    this.status = init.status;
    this.type = init.type ?? 'invalid_request_error';
    this.param = init.param ?? null;
    this.code = init.code ?? null;
  }
}
