import type { TurnOutcome } from './turn-store.js';

/** The `TurnFailure.code` of a turn whose producer fell silent. */
export const PRODUCER_LOST_CODE = 'producer_lost';

/** The outcome a store records for a turn whose producer fell silent for `producerTimeoutMs`. */
export function producerLostOutcome(producerTimeoutMs: number): TurnOutcome {
  return {
    status: 'failed',
    estimated: false,
    error: {
      code: PRODUCER_LOST_CODE,
      message:
        `The server producing this answer stopped responding for ${producerTimeoutMs} ms; the ` +
        'answer is truncated after the last event received.',
    },
  };
}
