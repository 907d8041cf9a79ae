import { concatBytes } from '../../stream/concat-bytes.js';
import type { OpenAIErrorBody } from '../error-response.js';
import { KEEP_ALIVE_COMMENT, SSE_BATCH_BYTES } from '../sse-headers.js';
import type { EventStreamWriter } from './exchange.js';

const encoder = new TextEncoder();

/**
 * An answer of server-sent events as a pull-based `ReadableStream` (high-water mark 0): an
 * event goes to the reader as soon as it asks for more; events written while it is busy
 * sending are held, up to 64 KiB, and handed over together at its next pull (one write to the
 * socket instead of many). Past that the writer must await `drained()`, so that a slow client
 * holds back the upstream instead of growing this server's memory. A `: keep-alive` comment
 * goes out after `keepAliveMs` of silence while the reader waits. Cancelling the stream (the
 * client left) calls `onCancel`.
 */
export class WebEventStream implements EventStreamWriter {
  readonly readable: ReadableStream<Uint8Array>;
  #controller: ReadableStreamDefaultController<Uint8Array> | undefined;
  #closed = false;
  /** Whether the reader waits for bytes (it pulled, and nothing was handed over since). */
  #wanted = false;
  #pending: Uint8Array[] = [];
  #pendingBytes = 0;
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
          if (this.#pending.length > 0) this.#handOver();
          else this.#wanted = true;
          this.#release();
        },
        cancel: () => {
          this.#pending = [];
          this.#pendingBytes = 0;
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
    const bytes = typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
    this.#lastWriteAt = performance.now();
    if (this.#wanted) {
      this.#wanted = false;
      this.#controller!.enqueue(bytes);
      return true;
    }
    this.#pending.push(bytes);
    this.#pendingBytes += bytes.byteLength;
    return this.#pendingBytes < SSE_BATCH_BYTES;
  }

  drained(): Promise<void> {
    if (this.#closed || this.#pendingBytes < SSE_BATCH_BYTES) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  fail(body: OpenAIErrorBody): void {
    this.write(`event: error\ndata: ${JSON.stringify(body)}\n\n`);
    this.end();
  }

  end(): void {
    if (this.#closed) return;
    if (this.#pending.length > 0) this.#handOver();
    this.#close();
    this.#controller!.close();
  }

  #handOver(): void {
    const bytes = concatBytes(this.#pending, this.#pendingBytes);
    this.#pending = [];
    this.#pendingBytes = 0;
    this.#controller!.enqueue(bytes);
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
