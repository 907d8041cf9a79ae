import { concatBytes } from '../../stream/concat-bytes.js';
import { parseJsonBytes, refuseBeforeReading } from '../read-json-body.js';
import { requestTimeoutError, requestTooLargeError } from '../request-errors.js';
import type { BodyLimits } from './exchange.js';

/**
 * A body of declared length (or none), read whole: the server's HTTP parser ends it at that
 * length (checked to be within the limit already), and a runtime reads it faster whole than as
 * a stream (`@hono/node-server` then makes no stream at all). A body longer than the limit
 * anyway (a `Request` built in code) is still refused.
 */
async function readDeclared(request: Request, limit: number): Promise<Uint8Array> {
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.byteLength > limit) throw requestTooLargeError(limit);
  return bytes;
}

/** A body of no declared length, read as it comes and refused once it passes the limit. */
async function readStreamed(
  body: ReadableStream<Uint8Array>,
  limit: number,
  expired: AbortSignal,
): Promise<Uint8Array> {
  const reader = body.getReader();
  const stop = () => void reader.cancel().catch(() => {});
  expired.addEventListener('abort', stop, { once: true });
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return concatBytes(chunks, size);
      size += value.byteLength;
      if (size > limit) {
        stop();
        throw requestTooLargeError(limit);
      }
      chunks.push(value);
    }
  } finally {
    expired.removeEventListener('abort', stop);
  }
}

/** Rejects with the signal's reason once it aborts. */
function rejection(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

/**
 * Reads and parses the JSON body of a web-standard `Request` with the node edge's rules: 415
 * for a content type that is not JSON and 413 for a declared length over the limit, both
 * before reading; 413 as soon as the bytes read pass the limit, 408 for a body still arriving
 * after `timeoutMs`, 400 for malformed JSON.
 */
export async function readWebJsonBody(request: Request, limits: BodyLimits): Promise<unknown> {
  const { headers } = request;
  const contentLength = headers.get('content-length') ?? undefined;
  refuseBeforeReading(headers.get('content-type') ?? undefined, contentLength, limits.bytes);
  const expired = new AbortController();
  const timer = setTimeout(
    () => expired.abort(requestTimeoutError(limits.timeoutMs)),
    limits.timeoutMs,
  );
  // `request.body` only when needed: `@hono/node-server` makes a whole Request to answer it.
  const reading =
    contentLength !== undefined || request.body === null
      ? readDeclared(request, limits.bytes)
      : readStreamed(request.body, limits.bytes, expired.signal);
  // After a timeout the read may still fail: nobody waits for it any more.
  reading.catch(() => {});
  try {
    return parseJsonBytes(await Promise.race([reading, rejection(expired.signal)]));
  } finally {
    clearTimeout(timer);
  }
}
