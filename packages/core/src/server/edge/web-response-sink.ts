import { DEFAULT_KEEP_ALIVE_MS } from '../defaults.js';
import { SSE_HEADERS } from '../sse-headers.js';
import type { EventStreamWriter, ResponseSink } from './exchange.js';
import { WebEventStream } from './web-event-stream.js';

/**
 * The answer to a `Request`, made as a `Response` once the pipeline begins it: headers gather
 * in `raw` until then. Cancelling a streamed answer's body calls `onCancel`.
 */
export class WebResponseSink implements ResponseSink<Headers> {
  readonly raw = new Headers();
  readonly response: Promise<Response>;
  #answer!: (response: Response) => void;
  #stream: WebEventStream | undefined;
  #status: number | undefined;

  constructor(private readonly onCancel: () => void) {
    this.response = new Promise((resolve) => {
      this.#answer = resolve;
    });
  }

  get headersSent(): boolean {
    return this.#status !== undefined;
  }

  get status(): number | undefined {
    return this.#status;
  }

  getHeader(name: string): string | string[] | undefined {
    if (name.toLowerCase() === 'set-cookie') {
      const cookies = this.raw.getSetCookie();
      return cookies.length === 0 ? undefined : cookies;
    }
    return this.raw.get(name) ?? undefined;
  }

  setHeader(name: string, value: number | string | readonly string[]): void {
    if (typeof value !== 'object') {
      this.raw.set(name, String(value));
      return;
    }
    this.raw.delete(name);
    for (const item of value) this.raw.append(name, item);
  }

  hasHeader(name: string): boolean {
    return this.raw.has(name);
  }

  sendJson(status: number, json: string): void {
    this.raw.set('content-type', 'application/json');
    this.#send(new Response(json, { status, headers: this.raw }));
  }

  openEventStream(
    status: number,
    headers: Readonly<Record<string, string>>,
    keepAliveMs: number | undefined,
  ): EventStreamWriter {
    for (const name in SSE_HEADERS) this.raw.set(name, SSE_HEADERS[name]!);
    for (const name in headers) this.raw.set(name, headers[name]!);
    const stream = new WebEventStream(keepAliveMs ?? DEFAULT_KEEP_ALIVE_MS, this.onCancel);
    this.#stream = stream;
    this.#send(new Response(stream.readable, { status, headers: this.raw }));
    return stream;
  }

  end(): void {
    this.#stream?.end();
  }

  /** The server closes connections itself: nothing to ask of it. */
  closeAfter(): void {}

  /**
   * Answers with no body when the pipeline ended without answering: the client left before
   * the answer began, so nobody reads it.
   */
  abandon(): void {
    this.#send(new Response(null, { status: 499, headers: this.raw }));
  }

  #send(response: Response): void {
    if (this.#status !== undefined) return;
    this.#status = response.status;
    this.#answer(response);
  }
}
