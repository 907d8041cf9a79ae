import { ChatwireError } from './chatwire-error.js';

/**
 * A producer wrote to a turn that has already ended: it finished it before, or the store took
 * it for dead after `producerTimeoutMs` of silence and its followers were told so.
 */
export class TurnEndedError extends ChatwireError {
  static override readonly brand: string = 'TurnEndedError';

  constructor(
    /** The turn written to. */
    readonly turnId: string,
  ) {
    super(`The turn ${JSON.stringify(turnId)} has already ended; nothing more can be recorded.`);
  }
}
