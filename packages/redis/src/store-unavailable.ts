import { ChatwireError } from '@chatwire/core';
import { TurnStoreUnavailableError } from '@chatwire/core/server';

/** The error to report for `error` from Redis: chatwire's own errors pass through unchanged. */
export function storeUnavailable(error: unknown): Error {
  if (ChatwireError.isInstance(error)) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new TurnStoreUnavailableError(
    `The Redis turn store could not be reached (${reason}); retry once Redis is back.`,
    { cause: error },
  );
}
