import { ChatwireError } from './chatwire-error.js';

/**
 * An event would take a turn past the store's `maxBytes` or `maxEvents`. The event was not
 * recorded; the producer should end the turn as `failed`.
 */
export class TurnTooLargeError extends ChatwireError {
  static override readonly brand: string = 'TurnTooLargeError';

  constructor(
    /** The option whose limit was reached. */
    readonly limit: 'maxBytes' | 'maxEvents',
    /** Its value. */
    readonly value: number,
  ) {
    super(
      `The turn reached the turn store's limit of ${value} ${limit === 'maxBytes' ? 'bytes' : 'events'} ` +
        `(${limit}); the event was not recorded.`,
    );
  }
}
