import type { StreamObserver } from '../stream/stream-observer.js';

/** Told what happens to one call, for its telemetry. */
export interface CallObserver extends StreamObserver {
  /**
   * An attempt failed and another one follows: `cause` is the attempt's error, or the HTTP
   * status of its answer.
   */
  retrying(cause: unknown): void;
}
