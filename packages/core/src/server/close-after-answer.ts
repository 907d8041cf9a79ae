import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { LINGER_BEFORE_CLOSE_BYTES, LINGER_BEFORE_CLOSE_MS } from './defaults.js';

/** Destroys the socket once what was written to it has been flushed. */
function destroyWhenFlushed(socket: Socket): void {
  if (socket.writableFinished) socket.destroy();
  else socket.once('finish', () => socket.destroy());
}

/**
 * Closes in stages once the answer is sent: the write side ends after the answer, the rest of
 * the body is read and discarded until it ends, for at most {@link LINGER_BEFORE_CLOSE_MS} and
 * {@link LINGER_BEFORE_CLOSE_BYTES}, then the connection closes. Closing at once, as node:http
 * does after an answer with `Connection: close`, leaves unread bytes behind, and the kernel
 * answers those with a reset that a client still sending reads instead of the answer.
 */
function lingerBeforeClose(request: IncomingMessage, socket: Socket): void {
  const closeAtOnce = socket.destroySoon.bind(socket);
  // node:http calls `destroySoon()` after the last byte of an answer with `Connection: close`.
  socket.destroySoon = () => {
    if (request.complete || request.destroyed) {
      closeAtOnce();
      return;
    }
    socket.end();
    let discarded = 0;
    const close = (): void => {
      clearTimeout(timer);
      request.off('data', count);
      destroyWhenFlushed(socket);
    };
    const count = (chunk: Buffer): void => {
      discarded += chunk.length;
      if (discarded > LINGER_BEFORE_CLOSE_BYTES) close();
    };
    const timer = setTimeout(close, LINGER_BEFORE_CLOSE_MS);
    timer.unref();
    request.on('data', count);
    request.once('end', close);
    socket.once('close', () => clearTimeout(timer));
    request.resume();
  };
}

/**
 * Asks for the connection to close after an error answer that leaves it unusable: 405 and 413
 * (the body was not read; it is discarded for a while so that the client reads the answer) and
 * 408 (a client too slow to send its body is not waited for any longer).
 */
export function closeAfterAnswer(response: ServerResponse, status: number): void {
  if (status !== 405 && status !== 408 && status !== 413) return;
  response.setHeader('connection', 'close');
  const socket = response.req.socket;
  if (status !== 408 && socket !== null) lingerBeforeClose(response.req, socket);
}
