import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SimpleCache } from './cache.js';
import type { RenderedCompletion } from './completion-builder.js';
import type { RecordedRequest } from './request-log.js';
import type { FailureCounter } from './upstream-failures.js';

/** Settings of a running emulator that handlers read. */
export interface ServerSettings {
  /** Pause between streamed chunks, in milliseconds, unless a request sets its own. */
  tokenDelayMs: number;
  /** Largest request body accepted, in bytes. */
  maxBodyBytes: number;
  /** Model ids listed by `GET /v1/models`. */
  models: readonly string[];
  /** Refuse Portkey requests that name neither a provider nor a config, as the gateway does. */
  strictGateway: boolean;
}

/** State shared by all requests of one emulator. */
export interface ServerState {
  /** Answers kept for configs with a `cache`. */
  cache: SimpleCache<RenderedCompletion>;
  /** Failures counted per key for `unavailable-then-success`. */
  failures: FailureCounter;
}

/** One exchange as the handlers see it. */
export interface HttpContext {
  /** The request, body already read. */
  req: IncomingMessage;
  /** The response to write. */
  res: ServerResponse;
  /** The log entry of this request. */
  record: RecordedRequest;
  /** Request headers with lowercase names; repeated headers joined with `, `. */
  headers: Record<string, string>;
  /** The request body as text. */
  body: string;
  /** Settings of the emulator. */
  settings: ServerSettings;
  /** State shared by all requests. */
  state: ServerState;
  /** Aborts when the connection closes, so that waits end early. */
  signal: AbortSignal;
  /** Drops the connection on purpose, without counting it as the client's abort. */
  dropConnection(): void;
}

/** Sends a JSON answer. */
export function sendJson(
  ctx: HttpContext,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (ctx.res.headersSent || ctx.res.destroyed) return;
  const text = JSON.stringify(body);
  ctx.res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  });
  ctx.res.end(text);
}
