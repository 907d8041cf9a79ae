/**
 * Milliseconds a turn is kept after it ends, when the store sets no `ttlMs`: long enough for a
 * reload, a reconnect on another network or a retried POST to find it.
 */
export const DEFAULT_TURN_TTL_MS = 10 * 60_000;

/**
 * The most bytes of event data (and event names) one turn may record, when the store sets no
 * `maxBytes` (4 MiB): several times the longest answer `DEFAULT_MAX_TOKENS` allows.
 */
export const DEFAULT_TURN_MAX_BYTES = 4 * 1024 * 1024;

/** The most events one turn may record, when the store sets no `maxEvents`. */
export const DEFAULT_TURN_MAX_EVENTS = 50_000;

/**
 * Milliseconds between a producer's heartbeats while it has nothing to append: a third of
 * `DEFAULT_PRODUCER_TIMEOUT_MS`, so one late heartbeat is not mistaken for a dead producer.
 */
export const DEFAULT_TURN_HEARTBEAT_MS = 5_000;

/**
 * Milliseconds without an appended event or a heartbeat after which a running turn's producer
 * is taken for dead, when the store sets no `producerTimeoutMs`: its followers get the events
 * recorded so far and a `producer_lost` end.
 */
export const DEFAULT_PRODUCER_TIMEOUT_MS = 15_000;
