import { TurnTooLargeError } from '../../errors/turn-too-large-error.js';

/**
 * Counts what one producer records against `maxBytes` and `maxEvents`. A turn has one producer,
 * so the count it keeps is the turn's, with no round trip to the store.
 */
export class TurnBudget {
  #bytes = 0;
  #events = 0;

  constructor(
    private readonly maxBytes: number,
    private readonly maxEvents: number,
  ) {}

  /** Counts one event, or throws `TurnTooLargeError` (counting nothing) when it does not fit. */
  spend(data: string, event: string | undefined): void {
    const bytes = Buffer.byteLength(data) + (event === undefined ? 0 : Buffer.byteLength(event));
    if (this.#events + 1 > this.maxEvents) throw new TurnTooLargeError('maxEvents', this.maxEvents);
    if (this.#bytes + bytes > this.maxBytes) throw new TurnTooLargeError('maxBytes', this.maxBytes);
    this.#events += 1;
    this.#bytes += bytes;
  }
}
