import { EventStreamDecoder } from './event-stream-decoder.js';
import { DEFAULT_MAX_EVENT_BYTES } from './event-stream-parser.js';
import type { ServerSentEvent } from './server-sent-event.js';

/** Options of {@link decodeSSE}. */
export interface DecodeSSEOptions {
  /**
   * Stops decoding when aborted: the pending read is abandoned, the source is cancelled, and
   * the iteration rejects with the signal's `reason`.
   */
  signal?: AbortSignal;
  /**
   * The largest event, or single line, the decoder buffers before it gives up with an
   * `SSEEventTooLargeError`. Sizes are counted on the decoded text, one per UTF-16 code unit,
   * which equals the byte count for ASCII and undercounts other UTF-8 text.
   * Defaults to 16 MiB.
   */
  maxEventBytes?: number;
}

/**
 * Decodes a `text/event-stream` body into its events, exactly as the WHATWG HTML standard's
 * "Interpreting an event stream" does: UTF-8 with invalid bytes replaced by U+FFFD, one
 * leading BOM dropped, CR, LF and CR LF line ends, comments, `data` lines joined with `\n`,
 * events without data not dispatched, and an event left unfinished at the end discarded.
 *
 * Stopping the iteration early (`break`, `return()`) or aborting `options.signal` cancels the
 * source.
 *
 * @param source - The body bytes: a `ReadableStream` such as `response.body`, or any async
 *   iterable of byte chunks such as a Node `IncomingMessage`.
 * @example
 * ```ts
 * for await (const event of decodeSSE(response.body!)) {
 *   if (event.data === '[DONE]') break;
 *   console.log(JSON.parse(event.data));
 * }
 * ```
 */
export function decodeSSE(
  source: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>,
  options: DecodeSSEOptions = {},
): AsyncGenerator<ServerSentEvent, void, undefined> {
  const chunks =
    typeof (source as ReadableStream<Uint8Array>).getReader === 'function'
      ? readerSource(source as ReadableStream<Uint8Array>)
      : iteratorSource(source as AsyncIterable<Uint8Array>, options.signal);
  return new SSEEventIterator(
    chunks,
    options.signal,
    options.maxEventBytes ?? DEFAULT_MAX_EVENT_BYTES,
  );
}

/** Where the bytes come from, whatever the kind of source. */
interface ChunkSource {
  read(): Promise<IteratorResult<Uint8Array, unknown>>;
  /** Stops the source and lets go of it; must not throw. */
  cancel(reason: unknown): void;
  /** Lets go of a source that ended by itself. */
  release(): void;
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
  // An async iterator cannot be interrupted, so with a signal each wait races the abort.
  let rejectOnAbort: ((reason: unknown) => void) | undefined;
  const aborted =
    signal &&
    new Promise<never>((_, reject) => {
      rejectOnAbort = reject;
    });
  aborted?.catch(ignore);
  signal?.addEventListener('abort', () => rejectOnAbort?.(signal.reason), { once: true });
  return {
    read: aborted ? () => Promise.race([iterator.next(), aborted]) : () => iterator.next(),
    cancel() {
      // Not awaited: an iterator still busy with an abandoned next() may never settle it.
      iterator.return?.()?.catch(ignore);
    },
    release: ignore,
  };
}

/**
 * The iterator `decodeSSE` returns. Written by hand rather than as an `async function*` so that
 * an event already decoded is handed out with one resolved promise, without resuming a
 * generator, and a chunk costs one `await`.
 */
class SSEEventIterator implements AsyncGenerator<ServerSentEvent, void, undefined> {
  /**
   * The events decoded from the latest chunks, handed out from `next`. The array is reused
   * from batch to batch, each slot emptied as its event is handed out.
   */
  private readonly batch: (ServerSentEvent | undefined)[] = [];
  private batchLength = 0;
  private nextInBatch = 0;
  private readonly decoder: EventStreamDecoder;
  /** No more reading: the stream ended, failed, was aborted or returned. */
  private closed = false;
  /** A failure to report once the events decoded before it have been handed out. */
  private failure: { error: unknown } | undefined;
  /** A decode in progress, when `next` is called again before the previous call settled. */
  private inFlight: Promise<IteratorResult<ServerSentEvent, void>> | undefined;
  /** `decodeNextChunks` has not finished yet. */
  private decoding = false;
  private readonly onAbort = () => {
    this.discardBatch();
    this.close(this.signal?.reason);
  };

  constructor(
    private readonly source: ChunkSource,
    private readonly signal: AbortSignal | undefined,
    maxEventBytes: number,
  ) {
    this.decoder = new EventStreamDecoder((event) => {
      this.batch[this.batchLength++] = event;
    }, maxEventBytes);
    if (signal?.aborted) this.onAbort();
    else signal?.addEventListener('abort', this.onAbort, { once: true });
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  next(): Promise<IteratorResult<ServerSentEvent, void>> {
    if (this.inFlight) return this.inFlight.then(() => this.next());
    if (this.nextInBatch < this.batchLength) {
      return Promise.resolve({ value: this.takeFromBatch(), done: false });
    }
    if (this.closed) return this.afterClose();
    const pending = this.decodeNextChunks();
    // decodeNextChunks clears it when it finishes, which saves a promise per event; it may
    // have finished already, when reading threw at once.
    if (this.decoding) this.inFlight = pending;
    return pending;
  }

  return(): Promise<IteratorResult<ServerSentEvent, void>> {
    this.close(undefined);
    this.discardBatch();
    this.failure = undefined;
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error: unknown): Promise<IteratorResult<ServerSentEvent, void>> {
    this.close(error);
    this.discardBatch();
    this.failure = undefined;
    return Promise.reject(error);
  }

  /** Reads until a chunk completes at least one event, or the stream ends. */
  private async decodeNextChunks(): Promise<IteratorResult<ServerSentEvent, void>> {
    this.decoding = true;
    this.batchLength = 0;
    this.nextInBatch = 0;
    try {
      for (;;) {
        const { done, value } = await this.source.read();
        if (this.closed) return this.afterClose();
        if (done) {
          this.decoder.end();
          this.closed = true;
          this.detachSignal();
          this.source.release();
          return { value: undefined, done: true };
        }
        this.decoder.push(value);
        if (this.batchLength !== 0) return { value: this.takeFromBatch(), done: false };
      }
    } catch (error) {
      this.close(error);
      // Events the chunk completed before the failure still reach the consumer first.
      if (this.batchLength === 0) throw error;
      this.failure = { error };
      return { value: this.takeFromBatch(), done: false };
    } finally {
      this.decoding = false;
      this.inFlight = undefined;
    }
  }

  /** The next event of the batch, which must have one left. */
  private takeFromBatch(): ServerSentEvent {
    const index = this.nextInBatch++;
    const event = this.batch[index]!;
    this.batch[index] = undefined;
    return event;
  }

  private discardBatch(): void {
    this.batch.length = 0;
    this.batchLength = 0;
    this.nextInBatch = 0;
  }

  private afterClose(): Promise<IteratorResult<ServerSentEvent, void>> {
    const failure = this.failure;
    if (failure === undefined) return Promise.resolve({ value: undefined, done: true });
    this.failure = undefined;
    return Promise.reject(failure.error);
  }

  /** Stops for good: cancels the source and remembers an error to report. */
  private close(error: unknown): void {
    if (this.closed) return;
    this.closed = true;
    if (error !== undefined) this.failure = { error };
    this.detachSignal();
    this.source.cancel(error);
  }

  private detachSignal(): void {
    this.signal?.removeEventListener('abort', this.onAbort);
  }
}

function ignore(): void {}
