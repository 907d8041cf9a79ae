import { APIConnectionTimeoutError } from '../../errors/index.js';
import {
  ObservedAbortController,
  whenSignalAborts,
} from '../../stream/observed-abort-controller.js';
import type { LeaveListener } from '../edge/exchange.js';

/** The bound on the whole upstream call of one turn, retries and stream included. */
export interface UpstreamDeadline {
  /** Aborts when the browser leaves or the time is up: the signal of the upstream call. */
  readonly signal: AbortSignal;
  /** A failure caused by the time running out, named as the timeout it is; others as they are. */
  explain(error: unknown): unknown;
  /** Stops the countdown once the turn has ended. */
  clear(): void;
}

/** The `onLeave` of a signal that aborts when the client leaves. */
export function onSignalAbort(signal: AbortSignal): (listener: LeaveListener) => () => void {
  return (listener) => whenSignalAborts(signal, listener);
}

/**
 * Starts the countdown of `totalMs` for the upstream call, which `onLeave` aborts when the
 * client leaves. When the time runs out, the call is aborted and its failure becomes an
 * `APIConnectionTimeoutError`, answered 504 before the stream or as `event: error` after it
 * began.
 */
export function upstreamDeadline(
  onLeave: (listener: LeaveListener) => () => void,
  totalMs: number,
  traceId: string,
): UpstreamDeadline {
  // Observed, so that the client links its attempts to it without an event listener.
  const controller = new ObservedAbortController();
  let expired: APIConnectionTimeoutError | undefined;
  const stopListening = onLeave((reason) => controller.abort(reason));
  const timer = setTimeout(() => {
    expired = new APIConnectionTimeoutError({
      message: `The upstream did not finish within ${totalMs} ms (the server's totalTimeoutMs).`,
      traceID: traceId,
    });
    controller.abort(expired);
  }, totalMs);
  timer.unref();
  return {
    signal: controller.signal,
    explain: (error) => expired ?? error,
    clear: () => {
      clearTimeout(timer);
      stopListening();
    },
  };
}
