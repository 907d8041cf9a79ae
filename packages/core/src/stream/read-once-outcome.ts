import { ChatwireError } from '../errors/chatwire-error.js';

/**
 * The bookkeeping of a stream whose source can be read once: which reader claimed it, and the
 * outcome of the read as a promise, settled once by whichever end the read reaches first. The
 * stream's `final…()` helpers hand out that promise, and read the source themselves when
 * nothing else does.
 */
export class ReadOnceOutcome<Result, Reader extends string> {
  /** The outcome; its failure is also thrown to the reader, so nobody has to await it. */
  readonly promise: Promise<Result>;

  readonly #alreadyRead: (reader: Reader) => string;
  #reader: Reader | undefined;
  #settled = false;
  #resolve!: (result: Result) => void;
  #reject!: (error: unknown) => void;

  /**
   * @param alreadyRead The message of the error a second reader gets, given the first one.
   */
  constructor(alreadyRead: (reader: Reader) => string) {
    this.#alreadyRead = alreadyRead;
    this.promise = new Promise<Result>((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
    });
    this.promise.catch(() => {});
  }

  /** Whether the outcome is known. */
  get settled(): boolean {
    return this.#settled;
  }

  /**
   * Makes `reader` the one reader of the source.
   *
   * @throws ChatwireError when another reader came first.
   */
  claim(reader: Reader): void {
    if (this.#reader !== undefined) throw new ChatwireError(this.#alreadyRead(this.#reader));
    this.#reader = reader;
  }

  /**
   * Returns {@link promise}. When no reader has claimed the source yet, `reader` claims it and
   * the iterable `read()` returns, which must settle the outcome, is read to its end.
   */
  final(reader: Reader, read: () => AsyncIterable<unknown>): Promise<Result> {
    if (this.#reader === undefined) {
      this.claim(reader);
      void readToEnd(read());
    }
    return this.promise;
  }

  /** Settles the outcome with `result`, unless it is settled already. */
  resolve(result: Result): void {
    if (this.#settled) return;
    this.#settled = true;
    this.#resolve(result);
  }

  /** Settles the outcome with `error`, unless it is settled already. */
  reject(error: unknown): void {
    if (this.#settled) return;
    this.#settled = true;
    this.#reject(error);
  }
}

async function readToEnd(items: AsyncIterable<unknown>): Promise<void> {
  try {
    for await (const _item of items) {
      // Reading to the end settles the outcome.
    }
  } catch {
    // Already delivered through the outcome.
  }
}
