import { Worker } from 'node:worker_threads';

/** What a batch of streamed requests measured. */
export interface StreamBatchResult {
  /** Wall time of the whole batch, in milliseconds. */
  elapsedMs: number;
  /** Time to the first byte of each answer's body, in milliseconds, in completion order. */
  firstByteMs: number[];
  /** Requests that failed or whose answer did not end with `data: [DONE]`. */
  errors: number;
  /** The first failure, to print when there are errors. */
  firstError: string | undefined;
}

/** Simulated browsers, in a worker thread of their own. */
export interface LoadClient {
  /**
   * Sends `total` streamed chat requests to `url`, at most `concurrency` at a time, reading every
   * answer to its end; each must end with `data: [DONE]`. With `idempotent`, every request has
   * an `Idempotency-Key` of its own, so that an endpoint with a turn store records it, and the
   * owner cookie of one browser.
   */
  run(
    url: string,
    total: number,
    concurrency: number,
    options?: { idempotent?: boolean },
  ): Promise<StreamBatchResult>;
  /** Closes the client's connections and its thread. */
  close(): Promise<void>;
}

/** Starts the load client thread. */
export function startLoadClient(): LoadClient {
  const worker = new Worker(new URL('./express-load-client-worker.mjs', import.meta.url));
  const reply = <T>(): Promise<T> =>
    new Promise((resolve, reject) => {
      const onMessage = (message: T): void => {
        worker.off('error', onError);
        resolve(message);
      };
      const onError = (error: Error): void => {
        worker.off('message', onMessage);
        reject(error);
      };
      worker.once('message', onMessage);
      worker.once('error', onError);
    });
  return {
    run: (url, total, concurrency, options = {}) => {
      const result = reply<StreamBatchResult>();
      const idempotent = options.idempotent === true;
      worker.postMessage({ type: 'run', url, total, concurrency, idempotent });
      return result;
    },
    close: async () => {
      const closed = reply<string>();
      worker.postMessage({ type: 'close' });
      await closed;
      await worker.terminate();
    },
  };
}

/** The `p`-th percentile (0 to 100) of a list of numbers, by nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}
