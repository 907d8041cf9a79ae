import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { DEFAULT_KEEP_ALIVE_MS } from './defaults.js';
import type { EventStreamWriter } from './edge/exchange.js';
import type { OpenAIErrorBody } from './error-response.js';
import { KEEP_ALIVE_COMMENT, SSE_BATCH_BYTES, SSE_HEADERS } from './sse-headers.js';

// Node's HTTP/1.1 connection is kept open for the stream.
const NODE_SSE_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  ...SSE_HEADERS,
  connection: 'keep-alive',
});

/** One chunk of the pieces: text stays text, so that it is encoded once, by the socket. */
function concatenate(pieces: ReadonlyArray<Uint8Array | string>): Buffer | string {
  if (pieces.every((piece) => typeof piece === 'string')) return pieces.join('');
  return Buffer.concat(
    pieces.map((piece) => (typeof piece === 'string' ? Buffer.from(piece) : piece)),
  );
}

/** Options of {@link SSEResponseWriter}. */
export interface SSEResponseWriterOptions {
  /**
   * After this many milliseconds without a write, a `: keep-alive` comment is sent so that
   * proxies and browsers do not drop an idle stream. `0` turns it off. Defaults to
   * {@link DEFAULT_KEEP_ALIVE_MS} (15 000).
   */
  keepAliveMs?: number;
}

/**
 * Writes a server-sent event answer to a node:http response: the headers flushed at once,
 * each event as it comes, backpressure surfaced to the caller, keep-alive comments in long
 * silences, and the end of the response noticed when the browser leaves.
 *
 * The first event is sent at once; later events written in the same tick go out as one chunk of
 * the response body, in one socket write.
 */
export class SSEResponseWriter implements EventStreamWriter {
  readonly #response: ServerResponse;
  readonly #keepAliveMs: number;
  #keepAlive: ReturnType<typeof setTimeout> | undefined;
  #headerFlush: ReturnType<typeof setImmediate> | undefined;
  #pending: Array<Uint8Array | string> = [];
  #pendingBytes = 0;
  #sentFirst = false;
  #closed = false;
  #drainWaiters: Array<() => void> = [];

  constructor(response: ServerResponse, options: SSEResponseWriterOptions = {}) {
    this.#response = response;
    this.#keepAliveMs = options.keepAliveMs ?? DEFAULT_KEEP_ALIVE_MS;
    response.once('close', this.#onClose);
    response.on('drain', this.#onDrain);
  }

  /** Whether the response is over: ended by the writer, or the browser went away. */
  get closed(): boolean {
    return this.#closed || this.#response.destroyed;
  }

  /**
   * Sends the status and headers (the SSE ones, then `headers`) at once, so the browser sees the
   * answer begin even while the first event is slow to come, and starts the keep-alive. An
   * event written before this turn of the event loop ends travels in the same packet as the
   * headers.
   */
  start(status = 200, headers: OutgoingHttpHeaders = {}): void {
    const response = this.#response;
    for (const name in NODE_SSE_HEADERS) response.setHeader(name, NODE_SSE_HEADERS[name]!);
    for (const name in headers) {
      const value = headers[name];
      if (value !== undefined) response.setHeader(name, value);
    }
    response.statusCode = status;
    this.#headerFlush = setImmediate(this.#flushHeaders);
    if (this.#keepAliveMs > 0) {
      this.#keepAlive = setTimeout(this.#sendKeepAlive, this.#keepAliveMs);
      this.#keepAlive.unref();
    }
  }

  /**
   * Writes bytes of one or more complete events. Returns false when the socket's buffer is full:
   * the caller must then `await writer.drained()` before writing more, so that a slow browser
   * holds back the upstream instead of growing this server's memory.
   */
  write(chunk: Uint8Array | string): boolean {
    if (this.closed) return false;
    if (!this.#sentFirst) {
      // Nothing to batch the first event with, and the time to it is what users feel.
      this.#sentFirst = true;
      this.#cancelHeaderFlush();
      this.#response.write(chunk);
      this.#keepAlive?.refresh();
      return !this.#response.writableNeedDrain;
    }
    if (this.#pending.length === 0) process.nextTick(this.#flush);
    this.#pending.push(chunk);
    this.#pendingBytes += chunk.length;
    if (this.#pendingBytes >= SSE_BATCH_BYTES) this.#flush();
    return !this.#response.writableNeedDrain;
  }

  /** Resolves when the socket's buffer has room again, or at once when the response is over. */
  drained(): Promise<void> {
    if (this.closed || !this.#response.writableNeedDrain) return Promise.resolve();
    return new Promise((resolve) => this.#drainWaiters.push(resolve));
  }

  /**
   * Sends an `event: error` whose data is the same OpenAI-shaped body a JSON error answer has
   * (`{"error": {"message", "type", "param", "code"}}`), then ends the response.
   */
  fail(body: OpenAIErrorBody): void {
    this.write(`event: error\ndata: ${JSON.stringify(body)}\n\n`);
    this.end();
  }

  /**
   * Ends the response (a no-op when it is already over). What was written since the last flush
   * goes out with the end of the body, in one socket write.
   */
  end(): void {
    this.#stopTimers();
    const rest = this.#takePending();
    if (this.closed) return;
    this.#closed = true;
    if (rest === undefined) this.#response.end();
    else this.#response.end(rest);
  }

  /** Sends what was written since the last flush as one chunk of the response body. */
  readonly #flush = (): void => {
    const chunk = this.#takePending();
    if (chunk === undefined || this.closed) return;
    this.#response.write(chunk);
    this.#keepAlive?.refresh();
  };

  /** What was written since the last flush, as one chunk; `undefined` when nothing was. */
  #takePending(): Uint8Array | string | undefined {
    const pending = this.#pending;
    if (pending.length === 0) return undefined;
    this.#pending = [];
    this.#pendingBytes = 0;
    return pending.length === 1 ? pending[0]! : concatenate(pending);
  }

  readonly #flushHeaders = (): void => {
    this.#headerFlush = undefined;
    if (!this.closed && !this.#sentFirst) this.#response.flushHeaders();
  };

  #cancelHeaderFlush(): void {
    if (this.#headerFlush !== undefined) clearImmediate(this.#headerFlush);
    this.#headerFlush = undefined;
  }

  readonly #sendKeepAlive = (): void => {
    if (this.closed) return;
    if (!this.#response.writableNeedDrain) this.#response.write(KEEP_ALIVE_COMMENT);
    this.#keepAlive?.refresh();
  };

  readonly #onDrain = (): void => {
    const waiters = this.#drainWaiters;
    this.#drainWaiters = [];
    for (const resolve of waiters) resolve();
  };

  readonly #onClose = (): void => {
    this.#closed = true;
    this.#stopTimers();
    this.#onDrain();
  };

  #stopTimers(): void {
    this.#cancelHeaderFlush();
    if (this.#keepAlive !== undefined) clearTimeout(this.#keepAlive);
    this.#keepAlive = undefined;
  }
}
