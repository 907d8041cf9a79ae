import { APIError } from '../errors/api-errors.js';
import { ChatwireError } from '../errors/chatwire-error.js';
import { StreamTruncatedError } from '../errors/stream-truncated-error.js';
import type { ChatRun } from './chat-run.js';

/**
 * Puts a failed run into the state: its answer so far kept, marked `partial` with the error;
 * the status `error`, with the trace and cache status of the failed request. Emits, and
 * returns the error as the state holds it (anything thrown that is not an `Error` is wrapped).
 */
export function failRun(run: ChatRun, error: unknown): Error {
  const { state } = run;
  const live = state.live?.controller === run.controller ? state.live : undefined;
  let failure =
    error instanceof Error ? error : new ChatwireError(`The request failed: ${String(error)}`);
  if (live !== undefined) {
    if (failure instanceof StreamTruncatedError) {
      failure = new StreamTruncatedError(live.completion);
    }
    state.finishAnswer(live, true, failure.message);
  }
  // Never the trace and cache status of an earlier answer.
  const traceId = failure instanceof APIError ? failure.traceID : null;
  state.set({
    status: 'error',
    error: failure,
    traceId: traceId ?? live?.traceId,
    cacheStatus: live?.cacheStatus,
  });
  state.emit();
  return failure;
}
