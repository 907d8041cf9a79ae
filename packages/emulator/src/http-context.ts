import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SimpleCache } from './cache.js';
import type { RenderedCompletion } from './completion-builder.js';
import type { RecordedRequest } from './request-log.js';
import type { FailureCounter } from './upstream-failures.js';

/** Settings of a running emulator that handlers read. */
export interface ServerSettings {
  tokenDelayMs: number;
  maxBodyBytes: number;
  models: readonly string[];
}

/** State shared by all requests of one emulator. */
export interface ServerState {
  cache: SimpleCache<RenderedCompletion>;
  failures: FailureCounter;
}

/** One exchange as the handlers see it. */
export interface HttpContext {
  req: IncomingMessage;
  res: ServerResponse;
  record: RecordedRequest;
  headers: Record<string, string>;
  body: string;
  settings: ServerSettings;
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
