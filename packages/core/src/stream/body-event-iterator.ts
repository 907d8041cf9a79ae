import { DEFAULT_MAX_EVENT_BYTES } from '../sse/event-line-parser.js';
import type { ServerSentEvent } from '../sse/server-sent-event.js';
import { Utf8ChunkDecoder } from '../sse/utf8-chunk-decoder.js';
import type { ChatCompletionChunk } from '../types/index.js';
import { type BodyChunkReader, readBodyChunks } from './body-chunk-reader.js';
import { whenAborted } from './observed-abort-controller.js';
import type { PortkeyEventInterpreter } from './portkey-event-interpreter.js';

/** How a read of the body ends, as the body reader settles it. */
export interface BodyReadEnding {
  /**
   * The body ended (`error` undefined) or reading it failed: settles the outcome and returns
   * the error the reader gets, if any.
   */
  end(error: unknown): unknown;
  /** The reader left before the end: aborts the request and settles the outcome. */
  leave(): void;
}

/**
 * Reads a streamed answer's body into what `select` picks of each event (the event with its
 * chunk, or only the chunks of the answer) while the interpreter takes each event in. Written
 * by hand rather than as async generators, so that a chunk of the body costs one `await` and
 * the values it completes are handed out with one resolved promise each; reading goes through
 * the abort controller, never its signal.
 *
 * Values decoded before a failure are handed out before it; an error event ends the read right
 * after its own value. Aborting hands out nothing more.
 */
export class BodyEventIterator<T> implements AsyncIterableIterator<T> {
  readonly #body: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>;
  readonly #controller: AbortController;
  readonly #events: PortkeyEventInterpreter;
  readonly #ending: BodyReadEnding;
  readonly #decoder: Utf8ChunkDecoder;
  /** Values decoded from the latest bytes, handed out from `next`. */
  readonly #batch: T[] = [];
  #nextInBatch = 0;
  #reader: BodyChunkReader | undefined;
  #stopWatching: (() => void) | undefined;
  /** The read has ended and its outcome is settled. */
  #finished = false;
  /** An error to throw once the values decoded before it are handed out. */
  #failure: { error: unknown } | undefined;
  /** Events after an error event are not read. */
  #stopped = false;
  #inFlight: Promise<IteratorResult<T, undefined>> | undefined;

  /**
   * @param select What to hand out for an event and its chunk; `undefined` hands out nothing.
   */
  constructor(
    body: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>,
    controller: AbortController,
    events: PortkeyEventInterpreter,
    ending: BodyReadEnding,
    select: (event: ServerSentEvent, chunk: ChatCompletionChunk | undefined) => T | undefined,
  ) {
    this.#body = body;
    this.#controller = controller;
    this.#events = events;
    this.#ending = ending;
    this.#decoder = new Utf8ChunkDecoder((event) => {
      if (this.#stopped) return;
      const value = select(event, events.receive(event));
      if (value !== undefined) this.#batch.push(value);
      if (events.serverError !== undefined) this.#stopped = true;
    }, DEFAULT_MAX_EVENT_BYTES);
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  next(): Promise<IteratorResult<T, undefined>> {
    if (this.#inFlight !== undefined) return this.#inFlight.then(() => this.next());
    if (this.#nextInBatch < this.#batch.length) {
      return Promise.resolve({ value: this.#take(), done: false });
    }
    if (this.#finished) {
      const failure = this.#failure;
      this.#failure = undefined;
      return failure === undefined
        ? Promise.resolve({ value: undefined, done: true })
        : Promise.reject(failure.error);
    }
    const pending = this.#readMore();
    this.#inFlight = pending;
    return pending;
  }

  return(): Promise<IteratorResult<T, undefined>> {
    const inFlight = this.#inFlight;
    if (inFlight !== undefined) {
      const after = () => this.return();
      return inFlight.then(after, after);
    }
    this.#discardBatch();
    this.#failure = undefined;
    if (!this.#finished) {
      this.#finished = true;
      this.#stopWatching?.();
      this.#reader?.cancel();
      this.#ending.leave();
    }
    return Promise.resolve({ value: undefined, done: true });
  }

  /** Reads until the body's bytes complete at least one value, or the read ends. */
  async #readMore(): Promise<IteratorResult<T, undefined>> {
    this.#discardBatch();
    if (this.#reader === undefined) {
      this.#reader = readBodyChunks(this.#body, this.#controller);
      // Nothing more is handed out after an abort, even what was decoded already.
      this.#stopWatching = whenAborted(this.#controller, () => this.#discardBatch());
    }
    try {
      for (;;) {
        let bodyEnded = false;
        try {
          const read = await this.#reader.read();
          bodyEnded = read.done === true;
          if (read.done) this.#decoder.end();
          else this.#decoder.push(read.value);
        } catch (error) {
          return this.#finish(error, false);
        }
        if (this.#stopped) return this.#finish(this.#events.serverError, false);
        if (bodyEnded) return this.#finish(undefined, true);
        if (this.#batch.length !== 0) return { value: this.#take(), done: false };
      }
    } finally {
      this.#inFlight = undefined;
    }
  }

  /** Ends the read with what ended it; values decoded before still come first. */
  #finish(error: unknown, bodyEnded: boolean): IteratorResult<T, undefined> {
    this.#finished = true;
    this.#stopWatching?.();
    if (bodyEnded) this.#reader?.release();
    else this.#reader?.cancel();
    const thrown = this.#ending.end(error);
    if (thrown !== undefined) this.#failure = { error: thrown };
    if (this.#nextInBatch < this.#batch.length) return { value: this.#take(), done: false };
    this.#failure = undefined;
    if (thrown !== undefined) throw thrown;
    return { value: undefined, done: true };
  }

  #take(): T {
    return this.#batch[this.#nextInBatch++]!;
  }

  #discardBatch(): void {
    this.#batch.length = 0;
    this.#nextInBatch = 0;
  }
}
