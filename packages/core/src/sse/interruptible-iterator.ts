/** Reads an async iterator one `next()` at a time, and can make the read in progress fail. */
export interface InterruptibleIterator<T> {
  /** The iterator's next result; rejects with the reason once {@link interrupt} was called. */
  read(): Promise<IteratorResult<T, unknown>>;
  /** Rejects the read in progress, and every later one, with `reason`. */
  interrupt(reason: unknown): void;
}

/**
 * Wraps `iterator` so that a pending read can be abandoned: an async iterator cannot be
 * interrupted, so an abort has to settle the read's promise itself. Only the read in progress
 * needs interrupting, so each read keeps its own reject at hand; racing every read against one
 * shared abort promise would add a reaction to that promise per read, kept until it settles.
 */
export function interruptible<T>(iterator: AsyncIterator<T>): InterruptibleIterator<T> {
  let interrupted: { reason: unknown } | undefined;
  let rejectRead: ((reason: unknown) => void) | undefined;
  return {
    read() {
      if (interrupted !== undefined) return Promise.reject(interrupted.reason);
      return new Promise((resolve, reject) => {
        rejectRead = reject;
        iterator.next().then(resolve, reject);
      });
    },
    interrupt(reason) {
      interrupted ??= { reason };
      rejectRead?.(reason);
    },
  };
}

/**
 * Asks `iterator` to stop, without waiting: an iterator still busy with an abandoned `next()`
 * may never settle its `return()`.
 */
export function returnQuietly(iterator: AsyncIterator<unknown>): void {
  iterator.return?.()?.catch(ignore);
}

function ignore(): void {}
