import { RECONNECT_INITIAL_DELAY_MS, RECONNECT_MAX_DELAY_MS } from './defaults.js';

/** The wait before reconnect number `attempt` (from 0): 250 ms doubling, at most 4 s. */
export function reconnectDelay(attempt: number): number {
  return Math.min(RECONNECT_INITIAL_DELAY_MS * 2 ** attempt, RECONNECT_MAX_DELAY_MS);
}

/** Resolves after `ms`, or at once when `signal` aborts (the caller checks the signal). */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}
