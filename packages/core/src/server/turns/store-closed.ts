import type { TurnOutcome } from './turn-store.js';

/** The `TurnFailure.code` of a turn whose store was closed while it ran. */
export const STORE_CLOSED_CODE = 'store_closed';

/**
 * The outcome a store records for the turns still running when it is closed (a server shutting
 * down), so that their followers, on any instance, learn at once that the answer is cut short.
 */
export function storeClosedOutcome(): TurnOutcome {
  return {
    status: 'failed',
    estimated: false,
    error: {
      code: STORE_CLOSED_CODE,
      message:
        'The server producing this answer shut down before it ended; the answer is truncated ' +
        'after the last event received.',
    },
  };
}
