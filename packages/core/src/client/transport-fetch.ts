import type { Transport, TransportResponse } from './transport.js';

/** The `fetch` signature chatwire calls; the global one and undici's both fit. */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/**
 * A transport posting to `url` over `fetch`: the given one, else the runtime's. The global is looked up at each
 * call and invoked as a method of `globalThis`, because browsers and Workers throw
 * "Illegal invocation" for a `fetch` detached from it.
 */
export function createFetchTransport(url: string, fetchImpl?: FetchLike): Transport {
  const send = fetchImpl ?? ((input, init) => globalThis.fetch(input, init));
  return {
    async send(request): Promise<TransportResponse> {
      const response = await send(url, {
        method: 'POST',
        headers: request.headers,
        body: request.body,
        signal: request.controller.signal,
      });
      const headers = response.headers;
      return {
        status: response.status,
        lookup: (name) => headers.get(name),
        makeHeaders: () => headers,
        bytes: async () => new Uint8Array(await response.arrayBuffer()),
        body: response.body,
      };
    },
    close: async () => {},
  };
}
