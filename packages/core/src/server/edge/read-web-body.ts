import { parseJsonBytes, refuseBeforeReading } from '../read-json-body.js';
import { requestTimeoutError, requestTooLargeError } from '../request-errors.js';
import type { BodyLimits } from './exchange.js';

function concatenate(chunks: readonly Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * Reads and parses the JSON body of a web-standard `Request` with the node edge's rules: 415
 * for a content type that is not JSON and 413 for a declared length over the limit, both
 * before reading; 413 as soon as the bytes read pass the limit (the rest is not read), 408 for
 * a body still arriving after `timeoutMs`, 400 for malformed JSON.
 */
export async function readWebJsonBody(request: Request, limits: BodyLimits): Promise<unknown> {
  const { headers } = request;
  const limit = limits.bytes;
  refuseBeforeReading(
    headers.get('content-type') ?? undefined,
    headers.get('content-length') ?? undefined,
    limit,
  );
  if (request.body === null) return parseJsonBytes(new Uint8Array(0));
  const reader = request.body.getReader();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    reader.cancel().catch(() => {});
  }, limits.timeoutMs);
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (timedOut) throw requestTimeoutError(limits.timeoutMs);
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        reader.cancel().catch(() => {});
        throw requestTooLargeError(limit);
      }
      chunks.push(value);
    }
  } catch (error) {
    throw timedOut ? requestTimeoutError(limits.timeoutMs) : error;
  } finally {
    clearTimeout(timer);
  }
  return parseJsonBytes(concatenate(chunks, size));
}
