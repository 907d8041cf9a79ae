import type { ServerResponse } from 'node:http';

/** Headers of an event stream that proxies and compression middleware must not buffer. */
export const SSE_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache, no-transform',
  'x-accel-buffering': 'no',
  connection: 'keep-alive',
};

/** Writes server-sent events to a response, each in one write so it leaves at once. */
export class SSEWriter {
  readonly #res: ServerResponse;

  constructor(res: ServerResponse) {
    this.#res = res;
  }

  /** Whether the connection is gone, so that nothing more should be written. */
  get closed(): boolean {
    return this.#res.destroyed || this.#res.writableEnded;
  }

  /** Sends the status line and headers right away. */
  open(status: number, headers: Record<string, string>): void {
    this.#res.writeHead(status, { ...SSE_HEADERS, ...headers });
    this.#res.flushHeaders();
  }

  /** Sends one event; `data` may span lines. */
  send(data: string, event?: string): void {
    if (this.closed) return;
    const lines = data
      .split('\n')
      .map((line) => `data: ${line}`)
      .join('\n');
    this.#res.write(event ? `event: ${event}\n${lines}\n\n` : `${lines}\n\n`);
  }

  /** Sends a comment line such as `: ping`. */
  comment(text: string): void {
    if (!this.closed) this.#res.write(`: ${text}\n\n`);
  }

  /** Ends the stream cleanly. */
  end(): void {
    if (!this.closed) this.#res.end();
  }
}
