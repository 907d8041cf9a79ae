import { DEFAULT_KEEP_ALIVE_MS } from '../defaults.js';
import { SSE_HEADERS } from '../sse-headers.js';
import type {
  BodyLimits,
  ChatExchange,
  EventStreamWriter,
  RequestView,
  ResponseSink,
} from './exchange.js';
import { readWebJsonBody } from './read-web-body.js';
import { WebEventStream } from './web-event-stream.js';

/** A web-standard `Request` as the pipeline reads it. */
class WebRequestView implements RequestView<Request> {
  constructor(readonly raw: Request) {}

  get method(): string {
    return this.raw.method;
  }

  get url(): string {
    return this.raw.url;
  }

  readonly header = (name: string): string | undefined => this.raw.headers.get(name) ?? undefined;

  get secure(): boolean {
    return this.raw.url.startsWith('https:');
  }

  readBody(limits: BodyLimits): Promise<unknown> {
    return readWebJsonBody(this.raw, limits);
  }
}

/**
 * The answer to a `Request`, made as a `Response` once the pipeline begins it: headers gather
 * in `raw` until then. Cancelling a streamed answer's body calls `onCancel`.
 */
class WebResponseSink implements ResponseSink<Headers> {
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

/** An exchange over a `Request`, and the `Response` it is answered with. */
export interface WebExchange extends ChatExchange<Request, Headers> {
  /** Resolves when the pipeline begins the answer. */
  readonly answer: Promise<Response>;
  /** Answers an exchange the pipeline ended without answering. */
  abandon(): void;
}

/**
 * One exchange over a web-standard `Request`. Its signal aborts when the request's own signal
 * does (the runtime saw the client leave) or when the answer's body is cancelled.
 */
export function webExchange(request: Request): WebExchange {
  // One controller and a listener: `AbortSignal.any` costs more than the rest of the exchange.
  const left = new AbortController();
  const leave = (): void => left.abort();
  if (request.signal.aborted) leave();
  else request.signal.addEventListener('abort', leave, { once: true });
  const sink = new WebResponseSink(leave);
  return {
    request: new WebRequestView(request),
    response: sink,
    signal: left.signal,
    answer: sink.response,
    abandon: () => sink.abandon(),
  };
}
