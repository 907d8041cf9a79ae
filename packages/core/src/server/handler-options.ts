import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ChatwireClient, PortkeyCacheStatus, RequestOptions } from '../client/index.js';
import type {
  ChatCompletion,
  ChatCompletionCreateParams,
  ChatCompletionFinishReason,
  CompletionUsage,
} from '../types/index.js';
import type {
  DEFAULT_BODY_LIMIT,
  DEFAULT_BODY_TIMEOUT_MS,
  DEFAULT_FIRST_BYTE_TIMEOUT_MS,
  DEFAULT_IDLE_TIMEOUT_MS,
  DEFAULT_KEEP_ALIVE_MS,
  DEFAULT_MAX_JSON_DEPTH,
  DEFAULT_TOTAL_TIMEOUT_MS,
  OWNER_COOKIE_NAME,
} from './defaults.js';
import type { TraceIdSource } from './incoming-trace-id.js';
import type { ChatPolicyOptions } from './policy/chat-policy-options.js';
import type { ServerTelemetryOptions } from './telemetry/server-telemetry-options.js';
import type { TurnEndStatus, TurnStore } from './turns/turn-store.js';
import type { UpstreamErrorsMode } from './upstream-error-response.js';

/**
 * Portkey options and request settings for one upstream call, decided by the server per
 * request: `traceId`, `spanName`, `metadata` (e.g. `{ _user: user.id }`), `config`, `headers`,
 * `timeout`, … The browser never supplies these.
 */
export type ChatUpstreamOptions = Omit<RequestOptions, 'signal'>;

/**
 * One chat request being served, as the hooks see it. `Req` and `Res` are the server's own
 * request and response: node:http's for `createChatCompletionsHandler` (Express, Nest), the
 * web-standard `Request` and the answer's `Headers` for `createChatCompletionsFetchHandler`.
 */
export interface ChatRequestContext<Req = IncomingMessage, Res = ServerResponse> {
  /** The incoming request (with whatever the framework added, e.g. `req.user`). */
  readonly request: Req;
  /**
   * The response the answer is written to: node's `ServerResponse`, or for the fetch handler the
   * `Headers` the answer will carry (append a `set-cookie` there, say).
   */
  readonly response: Res;
  /**
   * The body that will be sent upstream: validated, with the policy applied. `onRequest` may
   * change it or assign a new one; it is not validated again.
   */
  body: ChatCompletionCreateParams;
  /** The trace id of this turn, sent to Portkey and returned in `x-portkey-trace-id`. */
  readonly traceId: string;
  /**
   * The span id of the turn's upstream call, sent to Portkey and returned in
   * `x-portkey-span-id`; set once the Portkey options are chosen.
   */
  readonly spanId?: string;
  /** `performance.now()` when the request arrived. */
  readonly startedAt: number;
}

/** What `onRequest` returns to refuse a request; the browser gets an OpenAI-shaped error. */
export interface ChatRequestDenial {
  /** The HTTP status, e.g. 401, 403 or 429. */
  status: number;
  /** The error message the browser sees. */
  message: string;
  /** A machine-readable code; defaults to `request_denied`. */
  code?: string;
  /** The error type; defaults to `invalid_request_error`. */
  type?: string;
}

/** What `onFinish` receives once a turn has ended (answered in full, or the browser left). */
export interface ChatFinishInfo<Req = IncomingMessage, Res = ServerResponse> {
  /** The trace id of the turn. */
  traceId: string;
  /** The model that answered (as the upstream reported it), else the one requested. */
  model: string | undefined;
  /**
   * The token counts the upstream sent; for an answer cut short (stopped, or the browser left)
   * that got no usage chunk, an estimate counted with gpt-tokenizer when that optional peer is
   * installed (see `estimated`), else `undefined`.
   */
  usage: CompletionUsage | undefined;
  /** Whether `usage` was estimated with a tokenizer because the upstream sent none. */
  estimated: boolean;
  /**
   * How the turn ended: `completed`, `stopped` (an explicit stop of a resumable turn),
   * `disconnected` (the browser left and the answer was aborted) or `failed` (a resumable
   * turn whose upstream failed; a plain request that fails reaches `onError` only).
   */
  stopReason: TurnEndStatus;
  /** The first choice's finish reason; `null` when the turn did not complete. */
  finishReason: ChatCompletionFinishReason | null;
  /** Milliseconds from the request's arrival to the end of the answer. */
  latencyMs: number;
  /** Milliseconds from the request's arrival to the first byte of the answer's body. */
  timeToFirstByteMs: number | undefined;
  /** Whether the answer was streamed. */
  stream: boolean;
  /** The status sent to the browser (200, or 246 when a guardrail warned). */
  status: number;
  /** Portkey's cache status of the answer, when it sent one. */
  cacheStatus: PortkeyCacheStatus | null;
  /** True when the browser went away before the end; the upstream call was aborted. */
  aborted: boolean;
  /** The whole answer, merged from the chunks for a stream; `undefined` when aborted. */
  completion: ChatCompletion | undefined;
  /** The context of the request. */
  context: ChatRequestContext<Req, Res>;
}

/**
 * Options of `createChatCompletionsHandler` (and of the Express and Nest adapters) and of
 * `createChatCompletionsFetchHandler`. `Req` and `Res` are what the hooks receive as the
 * request and response: node:http's by default, `Request` and `Headers` for the fetch handler.
 * Options whose hooks read neither fit both handlers.
 */
export interface ChatCompletionsHandlerOptions<Req = IncomingMessage, Res = ServerResponse>
  extends ChatPolicyOptions<Req> {
  /**
   * The client that calls Portkey; share one across requests so that its connection pool
   * serves them all. Defaults to a client configured from the environment (`PORTKEY_API_KEY`,
   * `PORTKEY_BASE_URL`, …), made on the first request.
   */
  client?: ChatwireClient;
  /**
   * Per-request Portkey options (trace, span, metadata, config, …) and request settings,
   * computed from the request. A `traceId` returned here wins over the incoming one.
   *
   * @example
   * ```ts
   * portkeyOptions: (req) => ({ spanName: 'chat', metadata: { _user: req.user.id } })
   * ```
   */
  portkeyOptions?: (
    request: Req,
    context: ChatRequestContext<Req, Res>,
  ) => ChatUpstreamOptions | undefined | Promise<ChatUpstreamOptions | undefined>;
  /**
   * The request headers a trace id is taken from, first valid one wins: `traceparent` (its
   * trace-id part), `x-request-id`, `x-portkey-trace-id` by default. A value is used only if it
   * is 1 to 128 characters of `A-Z a-z 0-9 . _ : -`; otherwise (or with `[]`) the active
   * OpenTelemetry span's trace is used when there is one, else a fresh UUID is made.
   */
  traceIdHeaders?: readonly TraceIdSource[];
  /**
   * The span name of the upstream call in Portkey's trace view (`x-portkey-span-name`); a
   * `spanName` from `portkeyOptions` wins. Defaults to `'chat.completions'`.
   */
  spanName?: string;
  /**
   * OpenTelemetry of each request: a `chat turn` span (INTERNAL under the active HTTP server
   * span of an instrumentation, else the SERVER span continuing an incoming `traceparent`)
   * with the policy's outcome and how the turn stopped, the client's `chat {model}` span
   * inside it. Defaults to the global tracer provider of `@opentelemetry/api` when installed;
   * `false` turns it off. The client's own spans and metrics follow its `telemetry` option.
   */
  telemetry?: ServerTelemetryOptions | false;
  /**
   * The largest request body read, in bytes; a larger one is answered 413. Applies only when
   * the body is not parsed already (a framework's body parser applies its own limit).
   * Defaults to {@link DEFAULT_BODY_LIMIT} (1 MiB).
   */
  bodyLimit?: number;
  /**
   * Milliseconds the whole request body may take to arrive; a body still arriving then is
   * answered 408 (`request_timeout`) and its connection closed, so a client trickling bytes
   * cannot hold a connection for Node's 300 s `requestTimeout`. Applies only when the body is
   * not parsed already (bound a framework's body parser with `server.requestTimeout`).
   * Defaults to {@link DEFAULT_BODY_TIMEOUT_MS} (30 000).
   */
  bodyTimeoutMs?: number;
  /**
   * The most levels of arrays and objects the body may nest (the body itself is level 1); a
   * deeper one is answered 400 (`json_too_deep`) before it is validated or serialised, also
   * when a framework parsed it. Defaults to {@link DEFAULT_MAX_JSON_DEPTH} (64).
   */
  maxJsonDepth?: number;
  /**
   * Milliseconds the upstream may take to send its response headers, per attempt (for a
   * whole answer: to send all of it); an attempt that takes longer is retried by the client,
   * then answered 504 (`upstream_timeout`). A `timeout` from `portkeyOptions` wins. Defaults
   * to {@link DEFAULT_FIRST_BYTE_TIMEOUT_MS} (60 000).
   */
  firstByteTimeoutMs?: number;
  /**
   * Milliseconds a streamed answer may stay silent between two chunks; then the browser gets
   * an `event: error` (`upstream_timeout`) and the stream ends. An `idleTimeout` from
   * `portkeyOptions` wins. Defaults to {@link DEFAULT_IDLE_TIMEOUT_MS} (30 000).
   */
  idleTimeoutMs?: number;
  /**
   * Milliseconds the whole upstream call may take, the client's retries and the stream
   * included: answered 504 (`upstream_timeout`) before the stream began, `event: error` after.
   * Defaults to {@link DEFAULT_TOTAL_TIMEOUT_MS} (300 000).
   */
  totalTimeoutMs?: number;
  /**
   * Milliseconds of silence in a stream after which a `: keep-alive` comment is sent; `0`
   * turns it off. Defaults to {@link DEFAULT_KEEP_ALIVE_MS} (15 000).
   */
  keepAliveMs?: number;
  /**
   * Asks the upstream for the usage chunk of streamed answers (`stream_options.include_usage`)
   * so that `onFinish` can report token counts. The browser receives that chunk (a chunk with
   * `choices: []` just before `[DONE]`, as OpenAI sends it) only when it asked for it itself;
   * otherwise it is kept from the browser, whose code may read `chunk.choices[0]` of every
   * chunk. Defaults to true.
   */
  streamUsage?: boolean;
  /**
   * How much of an upstream's error the browser is told, in a JSON answer or an
   * `event: error`. `'safe'` (the default): the upstream's message only for 400, 422 and 429,
   * which are about the browser's own request; for 401, 403, 404, 412, 446, 5xx, a body that
   * is not JSON and an error inside a stream, a message of ours that says what happened and
   * carries the trace id (the upstream's words there are about the server's setup and may
   * quote its credentials). `'forward'`: the upstream's message in every case, for clients you
   * trust. Either way the request's credentials are redacted from it, and `onError` receives
   * the whole error (redacted too).
   */
  upstreamErrors?: UpstreamErrorsMode;
  /**
   * Runs after validation and policy, before the upstream call: change `context.body` (add a
   * system prompt, set `user` from the session) or refuse the request by returning a
   * {@link ChatRequestDenial}.
   */
  onRequest?: (
    context: ChatRequestContext<Req, Res>,
  ) => ChatRequestDenial | undefined | Promise<ChatRequestDenial | undefined>;
  /**
   * Records streamed turns so that they outlive a connection: a POST with an `Idempotency-Key`
   * header creates the turn of that key (or attaches to it: one upstream call per key, ever),
   * every event carries an SSE `id`, `GET ?turn=<id>` with `Last-Event-ID` resumes it on any
   * instance sharing the store, and `DELETE ?turn=<id>` stops it wherever it runs. Use
   * `MemoryTurnStore` for one instance, `RedisTurnStore` (`@chatwire/redis`) for several.
   * Without it (the default) the endpoint answers POST only; with it, GET and DELETE too.
   * Plain POSTs without the header are served as before either way.
   */
  turnStore?: TurnStore;
  /**
   * Whom a request's turns belong to (e.g. the session user id): only the same owner can
   * attach to, resume or stop a turn; others get 404, as for an unknown turn. Defaults to a
   * random secret in an HttpOnly, SameSite=Lax cookie named {@link OWNER_COOKIE_NAME} that the
   * handler sets on the first turn request of a browser: unguessable, the same on every
   * instance and after a change of network (unlike an IP address), and only its hash is
   * stored. A client that keeps no cookies then cannot resume: give `owner` for such clients.
   */
  owner?: (request: Req) => string | Promise<string>;
  /**
   * What happens to a turn when the client that created it leaves: `'abort'` ends it as
   * `disconnected` and aborts the upstream call; `'continue'` keeps generating and recording
   * so that a reconnect resumes it, bounded by `totalTimeoutMs`. Defaults to `'continue'`
   * with a `turnStore`; plain requests (without a store or a key) always abort, as nobody
   * could resume them.
   */
  onDisconnect?: 'abort' | 'continue';
  /**
   * Runs once per turn that reached the upstream and ended, with how it ended
   * (`stopReason`) and its usage: for logging and billing.
   */
  onFinish?: (info: ChatFinishInfo<Req, Res>) => void | Promise<void>;
  /**
   * Runs when a request ends in an error: refused by validation or policy, failed upstream
   * (before or during the stream), or failed here. `context` is `undefined` when the body was
   * not valid yet.
   */
  onError?: (
    error: unknown,
    context: ChatRequestContext<Req, Res> | undefined,
  ) => void | Promise<void>;
}
