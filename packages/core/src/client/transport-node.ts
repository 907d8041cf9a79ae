import { Agent, type Dispatcher } from 'undici';
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
        signal: request.signal,
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
        body,
      };
    },
    close: () => (dispatcher === undefined ? pool.close() : Promise.resolve()),
  };
}
