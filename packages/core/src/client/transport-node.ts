import type { EventEmitter } from 'node:events';
import { Agent, type Dispatcher } from 'undici';
import type { ObservedAbortController } from '../stream/observed-abort-controller.js';
import { readableChunks } from './readable-chunks.js';
import type { Transport, TransportResponse } from './transport.js';

type RawHeaders = Dispatcher.ResponseData['headers'];

function toHeaders(raw: RawHeaders): Headers {
  const headers = new Headers();
  for (const name in raw) {
    const value = raw[name];
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else headers.append(name, value);
  }
  return headers;
}

/** Reads the whole body into one buffer: one concat, no intermediate strings. */
async function readAll(body: Dispatcher.ResponseData['body']): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    chunks.push(chunk);
    length += chunk.length;
  }
  return chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, length);
}

/**
 * The attempt's abort in the shape of an event emitter, which undici takes as a signal
 * (`aborted`, `reason`, `once`/`removeListener` of `'abort'`) without the `AbortSignal` and
 * the event listener that would each cost more than the rest of sending the request.
 */
function emitterSignal(controller: ObservedAbortController): EventEmitter {
  let stopWatching: (() => void) | undefined;
  const emitter = {
    get aborted() {
      return controller.isAborted;
    },
    get reason() {
      return controller.abortReason;
    },
    on: (_event: 'abort', listener: () => void) => {
      stopWatching = controller.onAbort(listener);
      return emitter;
    },
    once: (event: 'abort', listener: () => void) => emitter.on(event, listener),
    removeListener: () => {
      stopWatching?.();
      stopWatching = undefined;
      return emitter;
    },
  };
  return emitter as unknown as EventEmitter;
}

/**
 * A transport posting to `url` over undici's `request` with a keep-alive pool. undici's own
 * header and body timeouts are off: the client's `timeout` governs both.
 */
export function createNodeTransport(url: string, dispatcher?: Dispatcher): Transport {
  const pool = dispatcher ?? new Agent({ headersTimeout: 0, bodyTimeout: 0 });
  const { origin, pathname, search } = new URL(url);
  const path = pathname + search;
  return {
    async send(request): Promise<TransportResponse> {
      const response = await pool.request({
        origin,
        path,
        method: 'POST',
        headers: request.headers,
        body: request.body,
        // A dispatcher of the caller's (HTTP/2, say) may hand the signal on to Node, which
        // takes only an `AbortSignal`.
        signal:
          dispatcher === undefined ? emitterSignal(request.controller) : request.controller.signal,
      });
      const raw = response.headers;
      const body = response.body;
      return {
        status: response.statusCode,
        lookup: (name) => {
          const value = raw[name];
          if (value === undefined) return null;
          return typeof value === 'string' ? value : value.join(', ');
        },
        makeHeaders: () => toHeaders(raw),
        bytes: () => readAll(body),
        body: readableChunks(body),
      };
    },
    close: () => (dispatcher === undefined ? pool.close() : Promise.resolve()),
  };
}
