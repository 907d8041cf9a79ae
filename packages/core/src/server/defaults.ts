/** The cap on `max_tokens` and `max_completion_tokens` when the server sets no `maxTokens`. */
export const DEFAULT_MAX_TOKENS = 4096;

/** The most choices (`n`) a request may ask for when the server sets no `maxChoices`. */
export const DEFAULT_MAX_CHOICES = 1;

/** The most messages a request may carry when the server sets no `maxMessages`. */
export const DEFAULT_MAX_MESSAGES = 100;

/**
 * The most characters the messages, `tools` and `response_format` may hold together when the
 * server sets no `maxCharacters`.
 */
export const DEFAULT_MAX_CHARACTERS = 200_000;

/** The largest request body read, in bytes (1 MiB), when the server sets no `bodyLimit`. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/**
 * Milliseconds of silence in a stream before a `: keep-alive` comment, when the server sets no
 * `keepAliveMs`: well under the idle timeouts of common proxies and load balancers (60 s).
 */
export const DEFAULT_KEEP_ALIVE_MS = 15_000;

/**
 * The most levels of arrays and objects a request body may nest, when the server sets no
 * `maxJsonDepth`: the body itself is level 1, a tool's parameter schema starts at level 5, so
 * real schemas fit with room to spare, and a body built to overflow the stack is refused.
 */
export const DEFAULT_MAX_JSON_DEPTH = 64;

/**
 * Milliseconds the whole request body may take to arrive, when the server sets no
 * `bodyTimeoutMs`: 1 MiB at 35 KB/s; a body that trickles in slower is answered 408.
 */
export const DEFAULT_BODY_TIMEOUT_MS = 30_000;

/**
 * After a refusal sent before the body was read (413, 405), how long the rest of the body is
 * read and discarded before the connection is closed, so that a client still sending reads the
 * answer rather than a connection reset.
 */
export const LINGER_BEFORE_CLOSE_MS = 5_000;

/** The most bytes discarded that way before the connection is closed anyway (64 MiB). */
export const LINGER_BEFORE_CLOSE_BYTES = 64 * 1024 * 1024;

/**
 * Milliseconds the upstream may take to send its response headers, per attempt, when the
 * server sets no `firstByteTimeoutMs`; for a whole (non-streamed) answer, to send all of it.
 */
export const DEFAULT_FIRST_BYTE_TIMEOUT_MS = 60_000;

/**
 * Milliseconds of silence between two chunks of a streamed answer, when the server sets no
 * `idleTimeoutMs`: a model that is still answering sends more often than that.
 */
export const DEFAULT_IDLE_TIMEOUT_MS = 30_000;

/**
 * Milliseconds the whole upstream call may take, retries and the stream included, when the
 * server sets no `totalTimeoutMs` (5 minutes).
 */
export const DEFAULT_TOTAL_TIMEOUT_MS = 300_000;

/**
 * The cookie that names a browser as the owner of its turns when the server gives no `owner`
 * callback: a random secret the handler sets on the first request that needs one.
 */
export const OWNER_COOKIE_NAME = 'chatwire_owner';

/** How long that cookie lives, in seconds (one year): turns outlive reloads and restarts. */
export const OWNER_COOKIE_MAX_AGE_S = 365 * 24 * 60 * 60;
