import type { AddressInfo } from 'node:net';
import { SimpleCache } from './cache.js';
import type { RenderedCompletion } from './completion-builder.js';
import { type RecordedRequest, RequestLog } from './request-log.js';
import { createEmulatorServer } from './server.js';
import { FailureCounter } from './upstream-failures.js';

/** The models `GET /v1/models` lists when no others are given. Any model name is accepted in requests. */
export const DEFAULT_MODELS: readonly string[] = [
  'gpt-4o-mini',
  'gpt-4o',
  'gpt-4.1-mini',
  'gpt-4.1',
  'o4-mini',
];

/** Options of {@link startEmulator}. */
export interface EmulatorOptions {
  /** Interface to listen on. Defaults to `127.0.0.1`. */
  host?: string;
  /** Port to listen on; `0` picks a free one. Defaults to `0`. */
  port?: number;
  /**
   * Pause between streamed chunks, in milliseconds. Defaults to `0` so that tests run fast;
   * the CLI defaults to 20 so that demos stream visibly. A request may override it with the
   * `x-emulator-token-delay-ms` header.
   */
  tokenDelayMs?: number;
  /** Largest request body accepted; a larger one is answered 413 and its connection closed. Defaults to 10 MiB. */
  maxBodyBytes?: number;
  /** Model ids listed by `GET /v1/models`. Defaults to {@link DEFAULT_MODELS}. */
  models?: readonly string[];
  /**
   * Refuse a request that carries `x-portkey-*` headers but names neither a provider
   * (`x-portkey-provider`) nor a config (`x-portkey-config`) with the open-source gateway's 400
   * `{status: "failure", message: "Either x-portkey-config or x-portkey-provider header is
   * required"}`. Defaults to `false`, which accepts such requests as hosted Portkey does when the
   * API key has a default provider. Requests without any `x-portkey-*` header are answered as the
   * provider either way, so that a gateway can still use the emulator as its upstream.
   */
  strictGateway?: boolean;
}

/** A running emulator. */
export interface Emulator {
  /** `http://host:port`, without a path. */
  readonly origin: string;
  /** The API base, `${origin}/v1`: what a client's `baseURL` or Portkey's custom host is set to. */
  readonly url: string;
  /** Every request received so far, oldest first (a live array). */
  readonly requests: RecordedRequest[];
  /**
   * Resolves with the first request (received or still to come) that matches `predicate`, e.g.
   * `(r) => r.aborted` to see a client go away; rejects after `timeoutMs` (default 5000).
   */
  waitForRequest(
    predicate?: (request: RecordedRequest) => boolean,
    timeoutMs?: number,
  ): Promise<RecordedRequest>;
  /** Stops listening and closes every open connection, streams included. */
  close(): Promise<void>;
}

const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;

function formatHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

/**
 * Starts a local Portkey-compatible chat completions server.
 *
 * @example
 * ```ts
 * const emulator = await startEmulator();
 * const client = createClient({ baseURL: emulator.url, apiKey: 'test' });
 * // …
 * await emulator.close();
 * ```
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const host = options.host ?? '127.0.0.1';
  const log = new RequestLog();
  const server = createEmulatorServer(
    {
      tokenDelayMs: Math.max(0, options.tokenDelayMs ?? 0),
      maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
      models: options.models ?? DEFAULT_MODELS,
      strictGateway: options.strictGateway ?? false,
    },
    { cache: new SimpleCache<RenderedCompletion>(), failures: new FailureCounter() },
    log,
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://${formatHost(host)}:${port}`;
  let closing: Promise<void> | undefined;
  return {
    origin,
    url: `${origin}/v1`,
    requests: log.requests,
    waitForRequest: (predicate, timeoutMs) => log.waitForRequest(predicate, timeoutMs),
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
