import type { OpenAIErrorBody } from '../error-response.js';

/** The limits a request body is read within. */
export interface BodyLimits {
  /** The most bytes read (413 beyond). */
  readonly bytes: number;
  /** The most levels of arrays and objects (400 beyond). */
  readonly depth: number;
  /** Milliseconds the body may take to arrive (408 beyond). */
  readonly timeoutMs: number;
}

/** A request as the chat pipeline reads it, whichever server received it. */
export interface RequestView<Req> {
  /** The server's own request object, as the hooks receive it (`portkeyOptions`, `owner`, …). */
  readonly raw: Req;
  readonly method: string | undefined;
  /** The request target: a path with its query, or a whole URL. */
  readonly url: string;
  /** One header's value; `undefined` when the request has none. */
  header(name: string): string | undefined;
  /** Whether the request came over TLS, so that a cookie set for it can be `Secure`. */
  readonly secure: boolean;
  /**
   * The body parsed as JSON, read within `limits` (or the one a framework parsed already),
   * refused with 415 when not sent as JSON.
   */
  readBody(limits: BodyLimits): Promise<unknown>;
}

/** Where an answer's headers are set before it begins; node's `ServerResponse` is one. */
export interface HeaderTarget {
  /** Whether the answer has begun: its status and headers can no longer change. */
  readonly headersSent: boolean;
  /** A header set so far; `set-cookie` as a list. */
  getHeader(name: string): number | string | string[] | undefined;
  /** Sets (replaces) a header; a list sets one line per value. */
  setHeader(name: string, value: number | string | readonly string[]): unknown;
  /** Whether a header is set. */
  hasHeader(name: string): boolean;
}

/** An answer of server-sent events being written. */
export interface EventStreamWriter {
  /** Whether the answer is over: ended here, or the client went away. */
  readonly closed: boolean;
  /** Writes whole events; false when the client is behind and `drained()` must be awaited. */
  write(chunk: Uint8Array | string): boolean;
  /** Resolves when the client can take more, or at once when the answer is over. */
  drained(): Promise<void>;
  /** Sends `body` as an `event: error`, then ends the answer. */
  fail(body: OpenAIErrorBody): void;
  /** Ends the answer (a no-op when it is over already). */
  end(): void;
}

/** Where the chat pipeline writes its answer, whichever server sends it. */
export interface ResponseSink<Res> extends HeaderTarget {
  /** What the hooks see as the response (`ChatRequestContext.response`). */
  readonly raw: Res;
  /** The status the answer began with; `undefined` before it has begun. */
  readonly status: number | undefined;
  /** Answers with a JSON body and `status`, with the headers set so far. */
  sendJson(status: number, json: string): void;
  /** Begins an answer of server-sent events with `status`, the headers set so far and `headers`. */
  openEventStream(
    status: number,
    headers: Readonly<Record<string, string>>,
    keepAliveMs: number | undefined,
  ): EventStreamWriter;
  /** Ends an answer that has begun (a no-op when it has ended). */
  end(): void;
  /**
   * Closes the connection after an answer that leaves it unusable (405, 408, 413 refused before
   * the body was read), where the server lets the handler decide.
   */
  closeAfter(status: number): void;
}

/** Told that the client left, with the reason when there is one. */
export type LeaveListener = (reason: unknown) => void;

/** One request and its answer, and the signal of the client leaving before the end. */
export interface ChatExchange<Req, Res> {
  readonly request: RequestView<Req>;
  readonly response: ResponseSink<Res>;
  /** Aborts when the client leaves before the answer has ended. */
  readonly signal: AbortSignal;
  /**
   * Calls `listener` when the client leaves before the answer has ended (at once when it has);
   * returns the undo. Cheaper than listening on {@link signal} where the edge makes the signal
   * only when it is read.
   */
  onLeave(listener: LeaveListener): () => void;
}
