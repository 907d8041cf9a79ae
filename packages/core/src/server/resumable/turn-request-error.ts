import { ChatRequestError } from '../../errors/chat-request-error.js';
import { InvalidOptionError } from '../../errors/chatwire-error.js';
import { TurnNotFoundError } from '../../errors/turn-not-found-error.js';
import { TurnStoreUnavailableError } from '../../errors/turn-store-unavailable-error.js';

/**
 * The answer to a turn store's refusal: 404 `turn_not_found` for an unknown, expired or
 * another owner's turn (one answer for the three, so nothing leaks), 503
 * `turn_store_unavailable` when the store cannot be reached, 400 `invalid_last_event_id` for
 * an event id the store never gave. Other errors pass as they are.
 */
export function turnRequestError(error: unknown): unknown {
  if (TurnNotFoundError.isInstance(error)) {
    return new ChatRequestError({
      status: 404,
      message: 'No such turn was found (unknown or expired).',
      code: 'turn_not_found',
      param: 'turn',
    });
  }
  if (TurnStoreUnavailableError.isInstance(error)) {
    return new ChatRequestError({
      status: 503,
      message: 'The turn store cannot be reached; try again shortly.',
      type: 'api_error',
      code: 'turn_store_unavailable',
    });
  }
  if (InvalidOptionError.isInstance(error)) {
    return new ChatRequestError({
      status: 400,
      message: 'Last-Event-ID is not an event id of this turn.',
      code: 'invalid_last_event_id',
      param: 'Last-Event-ID',
    });
  }
  return error;
}
