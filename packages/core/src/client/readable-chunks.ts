import type { Readable } from 'node:stream';

const DONE: IteratorReturnResult<undefined> = Object.freeze({ done: true, value: undefined });

function prematureClose(): Error {
  return Object.assign(new Error('Premature close'), { code: 'ERR_STREAM_PREMATURE_CLOSE' });
}

/**
 * Reads a Node readable chunk by chunk: a chunk already buffered is taken at once, and only an
 * empty buffer waits for the stream's events. The stream's own iterator (an async generator
 * watching the stream's end in every way a stream can end) costs the first chunk of an answer
 * more than reading it. Leaving early destroys the stream.
 */
class ReadableChunks implements AsyncIterator<Uint8Array> {
  readonly #body: Readable;
  #ended = false;
  #failure: { error: unknown } | undefined;
  #wake: (() => void) | undefined;

  constructor(body: Readable) {
    this.#body = body;
    body.on('readable', this.#onEvent);
    body.once('end', this.#onEnd);
    body.once('error', this.#onError);
    body.once('close', this.#onEvent);
  }

  async next(): Promise<IteratorResult<Uint8Array>> {
    const body = this.#body;
    for (;;) {
      const chunk = body.destroyed ? null : (body.read() as Uint8Array | null);
      if (chunk !== null) return { done: false, value: chunk };
      if (this.#failure !== undefined) throw this.#failure.error;
      if (this.#ended) return DONE;
      if (body.destroyed) throw body.errored ?? prematureClose();
      await new Promise<void>((resolve) => {
        this.#wake = resolve;
      });
    }
  }

  async return(): Promise<IteratorResult<Uint8Array>> {
    this.#body.destroy();
    return DONE;
  }

  readonly #onEvent = (): void => {
    const wake = this.#wake;
    this.#wake = undefined;
    wake?.();
  };

  readonly #onEnd = (): void => {
    this.#ended = true;
    this.#onEvent();
  };

  readonly #onError = (error: unknown): void => {
    this.#failure ??= { error };
    this.#onEvent();
  };
}

/** The chunks of a Node readable (a response body), read as {@link ReadableChunks} reads them. */
export function readableChunks(body: Readable): AsyncIterable<Uint8Array> {
  return { [Symbol.asyncIterator]: () => new ReadableChunks(body) };
}
