/** How many times one exchange may send client tool results back to the model (`maxToolRounds`). */
export const DEFAULT_MAX_TOOL_ROUNDS = 5;

/**
 * The least time between two state updates while tokens stream, where the platform has no
 * animation frames to wait for (`throttleMs` left unset).
 */
export const FRAMELESS_THROTTLE_MS = 16;

/** The wait before the first reconnect of a dropped turn; each further try waits twice as long. */
export const RECONNECT_INITIAL_DELAY_MS = 250;

/** The longest wait between two reconnects of a dropped turn. */
export const RECONNECT_MAX_DELAY_MS = 4_000;

/**
 * How many times in a row a dropped turn is reconnected before the answer fails; the count
 * starts again once an event arrives.
 */
export const RECONNECT_ATTEMPTS = 6;

/** How long a resumable turn may go without an event before the status is `stalled` (`stallAfterMs`). */
export const DEFAULT_STALL_MS = 15_000;
