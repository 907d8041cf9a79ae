import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { closeWhenTestEnds } from './test-lifetime.js';

/** One request as the server received it. */
export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
  socket: Socket;
}

/** Answers one request; `index` counts requests from 0. */
export type Handler = (request: ReceivedRequest, response: ServerResponse, index: number) => void;

/** A node:http server on 127.0.0.1 that records what it receives. */
export interface TestServer {
  baseURL: string;
  requests: ReceivedRequest[];
  /** Resolves when `socket` has closed (at once when it already has). */
  closed(socket: Socket): Promise<void>;
  /** Resolves when the server has received `count` requests. */
  received(count: number): Promise<void>;
  /** Stops the server; again once it has stopped is a no-op. */
  close(): Promise<void>;
}

/** Starts a recording server that `handler` answers, stopped when the running test ends. */
export async function startServer(handler: Handler): Promise<TestServer> {
  const requests: ReceivedRequest[] = [];
  const sockets = new Set<Socket>();
  const closedSockets = new WeakSet<Socket>();
  const waiters: { count: number; resolve: () => void }[] = [];
  const server = createServer((request, response) => {
    const parts: Buffer[] = [];
    request.on('error', () => {});
    response.on('error', () => {});
    request.on('data', (part: Buffer) => parts.push(part));
    request.on('end', () => {
      const received: ReceivedRequest = {
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(parts).toString('utf8'),
        socket: request.socket,
      };
      const index = requests.push(received) - 1;
      for (const waiter of waiters) if (requests.length >= waiter.count) waiter.resolve();
      handler(received, response, index);
    });
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    // A client that aborts resets the connection; that is what several tests provoke.
    socket.on('error', () => {});
    socket.on('close', () => {
      sockets.delete(socket);
      closedSockets.add(socket);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  let closing: Promise<void> | undefined;
  return closeWhenTestEnds({
    baseURL: `http://127.0.0.1:${address.port}/v1`,
    requests,
    closed: async (socket) => {
      if (closedSockets.has(socket) || socket.destroyed) return;
      // Not events.once: that rejects on the 'error' a reset connection emits first.
      await new Promise((resolve) => socket.once('close', resolve));
    },
    received: (count) =>
      requests.length >= count
        ? Promise.resolve()
        : new Promise((resolve) => waiters.push({ count, resolve })),
    close: () => {
      closing ??= (async () => {
        for (const socket of sockets) socket.destroy();
        server.close();
        await once(server, 'close');
      })();
      return closing;
    },
  });
}
