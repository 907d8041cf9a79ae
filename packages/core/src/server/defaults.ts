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
