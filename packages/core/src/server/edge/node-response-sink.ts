import type { ServerResponse } from 'node:http';
import { closeAfterAnswer } from '../close-after-answer.js';
import { SSEResponseWriter } from '../sse-response-writer.js';
import { writeJson } from '../write-json-response.js';
import type { EventStreamWriter, ResponseSink } from './exchange.js';

/** node's response as the pipeline writes to it: headers set on it directly, no copies. */
export class NodeResponseSink implements ResponseSink<ServerResponse> {
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
