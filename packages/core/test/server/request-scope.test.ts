import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { type RequestScope, requestScope } from '../../src/server/index.js';

let server: Server | undefined;

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

/** A server handing each request's scope to `route`; resolves to its URL. */
async function serve(
  route: (scope: RequestScope, response: ServerResponse, request: IncomingMessage) => void,
): Promise<string> {
  server = createServer((request, response) =>
    route(requestScope(request, response), response, request),
  );
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

describe('requestScope', () => {
  it('takes the trace id from the request headers', async () => {
    const url = await serve((scope, response) => response.end(scope.traceId));
    const response = await fetch(url, { headers: { 'x-request-id': 'turn-42' } });
    expect(await response.text()).toBe('turn-42');
  });

  it('makes a fresh trace id when the request carries no valid one', async () => {
    const url = await serve((scope, response) => response.end(scope.traceId));
    const response = await fetch(url, { headers: { 'x-request-id': 'has spaces' } });
    expect(await response.text()).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('aborts its signal when the browser leaves before the answer ends', async () => {
    const aborted = new Promise<boolean>((resolve) => {
      void serve((scope, response) => {
        response.write('started');
        scope.signal.addEventListener('abort', () => resolve(true));
      }).then(async (url) => {
        const controller = new AbortController();
        const response = await fetch(url, { signal: controller.signal });
        await response.body?.getReader().read();
        controller.abort();
      });
    });
    expect(await aborted).toBe(true);
  });

  it('leaves its signal alone when the answer ends', async () => {
    let signal: AbortSignal | undefined;
    const url = await serve((scope, response) => {
      signal = scope.signal;
      response.end('done');
    });
    await (await fetch(url)).text();
    server?.closeAllConnections();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(signal?.aborted).toBe(false);
  });
});
