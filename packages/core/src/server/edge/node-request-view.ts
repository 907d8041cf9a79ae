import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { type HeaderLookup, nodeHeaderLookup } from '../incoming-trace-id.js';
import { isJsonContentType, readJsonBody } from '../read-json-body.js';
import { unsupportedMediaTypeError } from '../request-errors.js';
import type { BodyLimits, RequestView } from './exchange.js';

/** node's request as the pipeline reads it; `parsedBody` is one a framework parsed already. */
export class NodeRequestView implements RequestView<IncomingMessage> {
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
