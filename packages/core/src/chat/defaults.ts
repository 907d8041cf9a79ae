/** How many times one exchange may send client tool results back to the model (`maxToolRounds`). */
export const DEFAULT_MAX_TOOL_ROUNDS = 5;

/**
 * The least time between two state updates while tokens stream, where the platform has no
 * animation frames to wait for (`throttleMs` left unset).
 */
export const FRAMELESS_THROTTLE_MS = 16;
