import { interruptible, returnQuietly } from './interruptible-iterator.js';

/** Where the bytes come from, whatever the kind of source. */
export interface ChunkSource {
  read(): Promise<IteratorResult<Uint8Array, unknown>>;
  /** Stops the source and lets go of it; must not throw. */
  cancel(reason: unknown): void;
  /** Lets go of a source that ended by itself. */
  release(): void;
}

/**
 * Opens the bytes of `source` for reading. With a `signal`, an async iterable's pending read
 * rejects with the abort reason, since an async iterator cannot be interrupted; a web stream
 * is interrupted by cancelling it.
 */
export function openChunkSource(
  source: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>,
  signal: AbortSignal | undefined,
): ChunkSource {
  return typeof (source as ReadableStream<Uint8Array>).getReader === 'function'
    ? readerSource(source as ReadableStream<Uint8Array>)
    : iteratorSource(source as AsyncIterable<Uint8Array>, signal);
}

function readerSource(stream: ReadableStream<Uint8Array>): ChunkSource {
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  return {
    read() {
      reader ??= stream.getReader();
      return reader.read() as Promise<IteratorResult<Uint8Array, unknown>>;
    },
    cancel(reason) {
      // Cancelling settles a pending read() at once, so an abort never waits for a chunk.
      if (reader) {
        reader.cancel(reason).catch(ignore);
        reader.releaseLock();
      } else {
        stream.cancel(reason).catch(ignore);
      }
    },
    release() {
      reader?.releaseLock();
    },
  };
}

function iteratorSource(source: AsyncIterable<Uint8Array>, signal?: AbortSignal): ChunkSource {
  const iterator = source[Symbol.asyncIterator]();
  if (signal === undefined) {
    return {
      read: () => iterator.next(),
      cancel: () => returnQuietly(iterator),
      release: ignore,
    };
  }
  const reads = interruptible(iterator);
  const onAbort = () => reads.interrupt(signal.reason);
  if (signal.aborted) onAbort();
  else signal.addEventListener('abort', onAbort, { once: true });
  return {
    read: reads.read,
    cancel() {
      signal.removeEventListener('abort', onAbort);
      returnQuietly(iterator);
    },
    release() {
      signal.removeEventListener('abort', onAbort);
    },
  };
}

function ignore(): void {}
