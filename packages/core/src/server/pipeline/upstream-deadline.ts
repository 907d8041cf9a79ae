import { APIConnectionTimeoutError } from '../../errors/index.js';

/** The bound on the whole upstream call of one turn, retries and stream included. */
export interface UpstreamDeadline {
  /** Aborts when the browser leaves or the time is up: the signal of the upstream call. */
  readonly signal: AbortSignal;
  /** A failure caused by the time running out, named as the timeout it is; others as they are. */
  explain(error: unknown): unknown;
  /** Stops the countdown once the turn has ended. */
  clear(): void;
}

/**
 * Starts the countdown of `totalMs` for the upstream call. When it runs out, the call is
 * aborted and its failure becomes an `APIConnectionTimeoutError`, answered 504 before the
 * stream or as `event: error` after it began.
 */
export function upstreamDeadline(
  browser: AbortSignal,
  totalMs: number,
  traceId: string,
): UpstreamDeadline {
  const controller = new AbortController();
  let expired: APIConnectionTimeoutError | undefined;
  const leave = (): void => controller.abort(browser.reason);
  browser.addEventListener('abort', leave, { once: true });
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
      browser.removeEventListener('abort', leave);
    },
  };
}
