import { ChatwireError } from './chatwire-error.js';

/**
 * The turn store could not be reached (its server restarted, the connection dropped, a command
 * timed out). `cause` holds the underlying error. Answer it with 503; the next request may
 * succeed once the store is back.
 */
export class TurnStoreUnavailableError extends ChatwireError {
  static override readonly brand: string = 'TurnStoreUnavailableError';

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
  }
}
