/** Reads the byte chunks of a response body, whatever its kind, and stops when told to. */
export interface BodyChunkReader {
  /** The next chunk; `done` once the body ended, or was cancelled by the abort signal. */
  read(): Promise<IteratorResult<Uint8Array, unknown>>;
  /** Lets go of a body that has ended. */
  release(): void;
  /** Stops reading a body that has not ended and lets go of it; never throws. */
  cancel(): void;
}

function ignore(): void {}

/**
 * Opens `body` for reading. Aborting `signal` settles a pending `read()` at once: a web stream
 * is cancelled (the read resolves `done`), an async iterable's read rejects with the reason,
 * since an async iterator cannot be interrupted.
 */
export function readBodyChunks(
  body: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>,
  signal: AbortSignal,
): BodyChunkReader {
  if (typeof (body as ReadableStream<Uint8Array>).getReader === 'function') {
    const reader = (body as ReadableStream<Uint8Array>).getReader();
    const onAbort = (): void => {
      reader.cancel(signal.reason).catch(ignore);
    };
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    return {
      read: () => reader.read(),
      release() {
        signal.removeEventListener('abort', onAbort);
        reader.releaseLock();
      },
      cancel() {
        signal.removeEventListener('abort', onAbort);
        reader.cancel().catch(ignore);
      },
    };
  }

  const iterator = (body as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]();
  let rejectOnAbort: (reason: unknown) => void = ignore;
  const aborted = new Promise<never>((_, reject) => {
    rejectOnAbort = reject;
  });
  aborted.catch(ignore);
  const onAbort = (): void => rejectOnAbort(signal.reason);
  if (signal.aborted) onAbort();
  else signal.addEventListener('abort', onAbort, { once: true });
  return {
    read: () => Promise.race([iterator.next(), aborted]),
    release() {
      signal.removeEventListener('abort', onAbort);
    },
    cancel() {
      signal.removeEventListener('abort', onAbort);
      // Not awaited: an iterator still busy with an abandoned next() may never settle it.
      iterator.return?.()?.catch(ignore);
    },
  };
}
