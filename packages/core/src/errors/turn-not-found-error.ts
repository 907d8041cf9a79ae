import { ChatwireError } from './chatwire-error.js';

/**
 * No turn with this id can be read or stopped by this owner: it never existed, it expired, or it
 * belongs to someone else. The three are one error so that nothing about other owners' turns
 * leaks; answer it with 404.
 */
export class TurnNotFoundError extends ChatwireError {
  static override readonly brand: string = 'TurnNotFoundError';

  constructor(
    /** The id that was asked for. */
    readonly turnId: string,
  ) {
    super(`No turn ${JSON.stringify(turnId)} was found for this owner (unknown or expired).`);
  }
}
