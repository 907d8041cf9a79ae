import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { closeAfterAnswer } from '../close-after-answer.js';
import { type HeaderLookup, nodeHeaderLookup } from '../incoming-trace-id.js';
import { isJsonContentType, readJsonBody } from '../read-json-body.js';
import { unsupportedMediaTypeError } from '../request-errors.js';
import { clientLeftSignal } from '../request-scope.js';
import { SSEResponseWriter } from '../sse-response-writer.js';
import { writeJson } from '../write-json-response.js';
import type {
  BodyLimits,
  ChatExchange,
  EventStreamWriter,
  RequestView,
  ResponseSink,
} from './exchange.js';

/** node's request as the pipeline reads it; `parsedBody` is one a framework parsed already. */
class NodeRequestView implements RequestView<IncomingMessage> {
  readonly header: HeaderLookup;

  constructor(
    readonly raw: IncomingMessage,
    private readonly parsedBody: unknown,
  ) {
    this.header = nodeHeaderLookup(raw.headers);
  }

  get method(): string | undefined {
    return this.raw.method;
  }

  get url(): string {
    return this.raw.url ?? '/';
  }

  get secure(): boolean {
    return (this.raw.socket as Partial<TLSSocket>).encrypted === true;
  }

  readBody(limits: BodyLimits): Promise<unknown> {
    if (this.parsedBody === undefined) {
      return readJsonBody(this.raw, { limit: limits.bytes, timeoutMs: limits.timeoutMs });
    }
    // A form parser's body of a cross-site form post must not pass as the JSON one.
    if (!isJsonContentType(this.raw.headers['content-type'])) {
      return Promise.reject(unsupportedMediaTypeError());
    }
    return Promise.resolve(this.parsedBody);
  }
}

/** node's response as the pipeline writes to it: headers set on it directly, no copies. */
class NodeResponseSink implements ResponseSink<ServerResponse> {
  constructor(readonly raw: ServerResponse) {}

  get headersSent(): boolean {
    return this.raw.headersSent;
  }

  get status(): number | undefined {
    return this.raw.headersSent ? this.raw.statusCode : undefined;
  }

  getHeader(name: string): number | string | string[] | undefined {
    return this.raw.getHeader(name);
  }

  setHeader(name: string, value: number | string | readonly string[]): void {
    this.raw.setHeader(name, value);
  }

  hasHeader(name: string): boolean {
    return this.raw.hasHeader(name);
  }

  sendJson(status: number, json: string): void {
    writeJson(this.raw, status, json);
  }

  openEventStream(
    status: number,
    headers: Readonly<Record<string, string>>,
    keepAliveMs: number | undefined,
  ): EventStreamWriter {
    const writer = new SSEResponseWriter(this.raw, { keepAliveMs });
    writer.start(status, headers);
    return writer;
  }

  end(): void {
    if (!this.raw.writableEnded) this.raw.end();
  }

  closeAfter(status: number): void {
    closeAfterAnswer(this.raw, status);
  }
}

/**
 * One exchange over node:http's request and response, served natively (no `Request` or
 * `Response` is made). `parsedBody` is the body a framework parsed already, if it did.
 */
export function nodeExchange(
  request: IncomingMessage,
  response: ServerResponse,
  parsedBody: unknown,
): ChatExchange<IncomingMessage, ServerResponse> {
  return {
    request: new NodeRequestView(request, parsedBody),
    response: new NodeResponseSink(response),
    signal: clientLeftSignal(response),
  };
}
