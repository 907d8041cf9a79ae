import { interruptible, returnQuietly } from '../sse/interruptible-iterator.js';
import { whenAborted } from './observed-abort-controller.js';

/** Reads the byte chunks of a response body, whatever its kind, and stops when told to. */
export interface BodyChunkReader {
  /** The next chunk; `done` once the body ended, or was cancelled by the abort. */
  read(): Promise<IteratorResult<Uint8Array, unknown>>;
  /** Lets go of a body that has ended. */
  release(): void;
  /** Stops reading a body that has not ended and lets go of it; never throws. */
  cancel(): void;
}

function ignore(): void {}

/**
 * Opens `body` for reading. Aborting `controller` settles a pending `read()` at once: a web
 * stream is cancelled (the read resolves `done`), an async iterable's read rejects with the
 * reason, since an async iterator cannot be interrupted.
 */
export function readBodyChunks(
  body: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>,
  controller: AbortController,
): BodyChunkReader {
  if (typeof (body as ReadableStream<Uint8Array>).getReader === 'function') {
    const reader = (body as ReadableStream<Uint8Array>).getReader();
    const stopWatching = whenAborted(controller, (reason) => {
      reader.cancel(reason).catch(ignore);
    });
    return {
      read: () => reader.read(),
      release() {
        stopWatching();
        reader.releaseLock();
      },
      cancel() {
        stopWatching();
        reader.cancel().catch(ignore);
      },
    };
  }

  const iterator = (body as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]();
  const reads = interruptible(iterator);
  const stopWatching = whenAborted(controller, reads.interrupt);
  return {
    read: reads.read,
    release: stopWatching,
    cancel() {
      stopWatching();
      returnQuietly(iterator);
    },
  };
}
