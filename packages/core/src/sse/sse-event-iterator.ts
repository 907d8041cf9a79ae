import type { ChunkSource } from './chunk-source.js';
import type { ServerSentEvent } from './server-sent-event.js';
import { Utf8ChunkDecoder } from './utf8-chunk-decoder.js';

/**
 * The iterator `decodeSSE` returns. Written by hand rather than as an `async function*` so that
 * an event already decoded is handed out with one resolved promise, without resuming a
 * generator, and a chunk costs one `await`.
 */
export class SSEEventIterator implements AsyncGenerator<ServerSentEvent, void, undefined> {
  /**
   * The events decoded from the latest chunks, handed out from `next`. The array is reused
   * from batch to batch, each slot emptied as its event is handed out.
   */
  private readonly batch: (ServerSentEvent | undefined)[] = [];
  private batchLength = 0;
  private nextInBatch = 0;
  private readonly decoder: Utf8ChunkDecoder;
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
    this.decoder = new Utf8ChunkDecoder((event) => {
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
