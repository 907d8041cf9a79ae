import type { BodyLimits, RequestView } from './exchange.js';
import { readWebJsonBody } from './read-web-body.js';

/** A web-standard `Request` as the pipeline reads it. */
export class WebRequestView implements RequestView<Request> {
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
