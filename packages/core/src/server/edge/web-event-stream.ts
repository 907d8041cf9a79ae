import type { OpenAIErrorBody } from '../error-response.js';
import { KEEP_ALIVE_COMMENT } from '../sse-headers.js';
import type { EventStreamWriter } from './exchange.js';

const encoder = new TextEncoder();

/**
 * An answer of server-sent events as a pull-based `ReadableStream` (high-water mark 0): a
 * write is queued at once, and the next waits until the server reading the stream asks for
 * more, so that a slow client holds back the upstream instead of growing this server's
 * memory. A `: keep-alive` comment goes out after `keepAliveMs` of silence, when the reader is
 * waiting. Cancelling the stream (the client left) calls `onCancel`.
 */
export class WebEventStream implements EventStreamWriter {
  readonly readable: ReadableStream<Uint8Array>;
  #controller: ReadableStreamDefaultController<Uint8Array> | undefined;
  #closed = false;
  /** Whether the reader asked for more than was written. */
  #wanted = false;
  #waiters: Array<() => void> = [];
  readonly #keepAliveMs: number;
  #keepAlive: ReturnType<typeof setTimeout> | undefined;
  #lastWriteAt = performance.now();

  constructor(keepAliveMs: number, onCancel: () => void) {
    this.#keepAliveMs = keepAliveMs;
    this.readable = new ReadableStream<Uint8Array>(
      {
        start: (controller) => {
          this.#controller = controller;
        },
        pull: () => {
          this.#wanted = true;
          this.#release();
        },
        cancel: () => {
          this.#close();
          onCancel();
        },
      },
      { highWaterMark: 0 },
    );
    if (keepAliveMs > 0) this.#scheduleKeepAlive(keepAliveMs);
  }

  get closed(): boolean {
    return this.#closed;
  }

  write(chunk: Uint8Array | string): boolean {
    if (this.#closed) return false;
    this.#wanted = false;
    this.#lastWriteAt = performance.now();
    this.#controller!.enqueue(typeof chunk === 'string' ? encoder.encode(chunk) : chunk);
    return this.#wanted;
  }

  drained(): Promise<void> {
    if (this.#closed || this.#wanted) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  fail(body: OpenAIErrorBody): void {
    this.write(`event: error\ndata: ${JSON.stringify(body)}\n\n`);
    this.end();
  }

  end(): void {
    if (this.#closed) return;
    this.#close();
    this.#controller!.close();
  }

  #close(): void {
    this.#closed = true;
    if (this.#keepAlive !== undefined) clearTimeout(this.#keepAlive);
    this.#release();
  }

  #release(): void {
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const resolve of waiters) resolve();
  }

  #scheduleKeepAlive(delayMs: number): void {
    const timer = setTimeout(this.#beat, delayMs);
    // Node and Bun keep a process alive for a timer unless told otherwise; Deno has no unref.
    (timer as { unref?: () => void }).unref?.();
    this.#keepAlive = timer;
  }

  readonly #beat = (): void => {
    if (this.#closed) return;
    const silentMs = performance.now() - this.#lastWriteAt;
    if (silentMs < this.#keepAliveMs) {
      this.#scheduleKeepAlive(this.#keepAliveMs - silentMs);
      return;
    }
    // A reader that is not waiting is busy sending: the stream is not idle.
    if (this.#wanted) this.write(KEEP_ALIVE_COMMENT);
    this.#scheduleKeepAlive(this.#keepAliveMs);
  };
}
