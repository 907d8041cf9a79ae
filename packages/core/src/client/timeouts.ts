import { APIConnectionTimeoutError } from '../errors/api-errors.js';

/** `setTimeout` fires at once for delays above this, so longer timeouts mean "none". */
const MAX_TIMER_MS = 2 ** 31 - 1;

type TimerHandle = ReturnType<typeof setTimeout>;

/** What an attempt was waiting for when its time ran out. */
export type DeadlinePhase = 'headers' | 'body' | 'stream';

function timeoutMessage(phase: DeadlinePhase, timeoutMs: number): string {
  const waiting =
    phase === 'headers'
      ? 'waiting for the response'
      : phase === 'body'
        ? 'while the response body arrived'
        : 'with no stream chunk';
  return `Request timed out after ${timeoutMs} ms ${waiting}. Raise the timeout option if answers are legitimately slow.`;
}

/**
 * The timer of one attempt. It aborts `controller` with an `APIConnectionTimeoutError` when it
 * fires while armed. Re-arming reuses Node's timer (`refresh()`) instead of making a new one per
 * stream chunk. The timer is unref'd where the runtime allows: the request it guards keeps the
 * process alive, the timer alone must not.
 */
export class Deadline {
  #timer: TimerHandle | undefined;
  #armed = false;
  /** What the attempt waits for now; names the failure in the timeout error. */
  phase: DeadlinePhase = 'headers';

  constructor(
    private readonly controller: AbortController,
    private readonly timeoutMs: number,
    private readonly traceId: string,
  ) {
    this.arm();
  }

  /** Starts (or restarts) the countdown from the full timeout. */
  arm(): void {
    if (!(this.timeoutMs > 0 && this.timeoutMs <= MAX_TIMER_MS)) return;
    this.#armed = true;
    const timer = this.#timer;
    if (timer !== undefined && typeof timer === 'object' && typeof timer.refresh === 'function') {
      timer.refresh();
      return;
    }
    if (timer !== undefined) clearTimeout(timer);
    const created = setTimeout(() => this.#fire(), this.timeoutMs);
    if (typeof created === 'object' && typeof created.unref === 'function') created.unref();
    this.#timer = created;
  }

  /**
   * Stops the countdown until the next `arm()`, which starts it from the full timeout again (a
   * stream consumer busy with a chunk is not the server being silent). Where timers can be
   * refreshed (Node), the timer stays scheduled, unref'd, for `arm()` to refresh; should it
   * fire meanwhile, it does nothing. Elsewhere it is cleared.
   */
  disarm(): void {
    this.#armed = false;
    if (this.#timer !== undefined && typeof this.#timer !== 'object') {
      clearTimeout(this.#timer);
      this.#timer = undefined;
    }
  }

  /** Stops the timer for good. */
  clear(): void {
    this.#armed = false;
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #fire(): void {
    if (!this.#armed) return;
    this.#armed = false;
    this.controller.abort(
      new APIConnectionTimeoutError({
        message: timeoutMessage(this.phase, this.timeoutMs),
        traceID: this.traceId,
      }),
    );
  }
}

/**
 * Wraps a response body so that a stream silent for longer than the timeout is aborted. The
 * countdown runs only while the consumer waits for the next chunk, so a slow consumer is not
 * mistaken for a silent server. `onSettled` runs once, when the body ends, fails or is left;
 * `toError` names a read failure.
 */
export function watchIdle(
  source: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array> | null,
  deadline: Deadline,
  onSettled: () => void,
  toError: (cause: unknown) => unknown,
): AsyncIterable<Uint8Array> {
  return {
    [Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
      const inner = iterate(source);
      let settled = false;
      const settle = (): void => {
        if (settled) return;
        settled = true;
        deadline.clear();
        onSettled();
      };
      return {
        async next(): Promise<IteratorResult<Uint8Array>> {
          deadline.arm();
          try {
            const result = await inner.next();
            if (result.done) settle();
            else deadline.disarm();
            return result;
          } catch (error) {
            settle();
            throw toError(error);
          }
        },
        async return(): Promise<IteratorResult<Uint8Array>> {
          settle();
          await inner.return?.();
          return { done: true, value: undefined };
        },
      };
    },
  };
}

function iterate(
  source: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array> | null,
): AsyncIterator<Uint8Array> {
  if (source === null) {
    return { next: async () => ({ done: true, value: undefined }) };
  }
  if (Symbol.asyncIterator in source) return source[Symbol.asyncIterator]();
  // ReadableStream is not async-iterable in every browser yet.
  const reader = (source as ReadableStream<Uint8Array>).getReader();
  return {
    next: () => reader.read() as Promise<IteratorResult<Uint8Array>>,
    return: async () => {
      await reader.cancel();
      return { done: true, value: undefined };
    },
  };
}

/** Waits `ms`, or rejects with `onAbort()` as soon as `signal` aborts. */
export function sleep(
  ms: number,
  signal: AbortSignal | undefined,
  onAbort: () => Error,
): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(onAbort());
      return;
    }
    const abort = (): void => {
      clearTimeout(timer);
      reject(onAbort());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', abort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', abort, { once: true });
  });
}
