import type { IncomingMessage } from 'node:http';
import {
  invalidJsonError,
  requestTimeoutError,
  requestTooLargeError,
  unsupportedMediaTypeError,
} from './request-errors.js';

/** Options of {@link readJsonBody}. */
export interface ReadJsonBodyOptions {
  /** The most bytes the body may have; a larger one is refused with 413. */
  limit: number;
  /**
   * Milliseconds the whole body may take to arrive; a slower one is refused with 408. No
   * deadline when absent.
   */
  timeoutMs?: number;
}

/**
 * Whether a content type is JSON (`application/json`, `application/*+json`). The chat endpoint
 * refuses every other type, also for a body a framework parsed already: a cross-site form can
 * post `text/plain` or a urlencoded form without a CORS preflight, JSON cannot.
 */
export function isJsonContentType(contentType: string | undefined): boolean {
  if (contentType === undefined) return false;
  const type = contentType.split(';', 1)[0]?.trim().toLowerCase() ?? '';
  return type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'));
}

/**
 * The refusals made before a byte of the body is read: 415 for a content type that is not
 * JSON, 413 for a `Content-Length` over `limit`.
 */
export function refuseBeforeReading(
  contentType: string | undefined,
  contentLength: string | undefined,
  limit: number,
): void {
  if (!isJsonContentType(contentType)) throw unsupportedMediaTypeError();
  const declared = Number(contentLength);
  if (Number.isFinite(declared) && declared > limit) throw requestTooLargeError(limit);
}

// A byte order mark is kept, as JSON does not allow one: such a body is refused, not guessed at.
const UTF8 = new TextDecoder('utf-8', { ignoreBOM: true });

/** Parses the bytes of a body as JSON; 400 `invalid_json` when they are not. */
export function parseJsonBytes(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(UTF8.decode(bytes)) as unknown;
  } catch {
    throw invalidJsonError();
  }
}

/**
 * The whole body when it has arrived by the time the handler runs, as it usually has (it comes
 * with the headers): read at once, instead of through a turn of `data` and `end` events. Only a
 * body of a declared length is taken, so that a body still arriving is read as it arrives.
 */
async function arrivedBody(request: IncomingMessage): Promise<Buffer | undefined> {
  const declared = Number(request.headers['content-length']);
  if (!(declared > 0) || request.readableFlowing !== null) return undefined;
  // The parser buffers the bytes that came with the headers once the handler's turn has ended.
  await undefined;
  if (request.readableLength !== declared || request.readableFlowing !== null) return undefined;
  const bytes = request.read() as Buffer | null;
  // Read on to the end, so that the request ends as one read through events does.
  request.resume();
  return bytes ?? undefined;
}

/**
 * Reads and parses a JSON request body, refusing a body over `limit` bytes with 413 as soon as
 * the limit is passed (by `Content-Length` up front, or while reading), a non-JSON content type
 * with 415, malformed JSON with 400 and, with `timeoutMs`, a body still arriving after that
 * long with 408.
 */
export async function readJsonBody(
  request: IncomingMessage,
  options: ReadJsonBodyOptions,
): Promise<unknown> {
  refuseBeforeReading(
    request.headers['content-type'],
    request.headers['content-length'],
    options.limit,
  );

  const arrived = await arrivedBody(request);
  if (arrived !== undefined) return parseJsonBytes(arrived);
  const chunks: Buffer[] = [];
  let size = 0;
  await new Promise<void>((resolve, reject) => {
    const timeoutMs = options.timeoutMs;
    const timer =
      timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            cleanup();
            reject(requestTimeoutError(timeoutMs));
          }, timeoutMs);
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > options.limit) {
        cleanup();
        // Keep reading (and discarding) so the client can finish sending and read the 413.
        request.resume();
        reject(requestTooLargeError(options.limit));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => {
      cleanup();
      resolve();
    };
    const onError = (error: Error): void => {
      cleanup();
      reject(error);
    };
    const onClose = (): void => {
      if (request.complete) return;
      cleanup();
      reject(new Error('The client closed the connection before the body was complete.'));
    };
    const cleanup = (): void => {
      clearTimeout(timer);
      request.off('data', onData);
      request.off('end', onEnd);
      request.off('error', onError);
      request.off('close', onClose);
    };
    request.on('data', onData);
    request.on('end', onEnd);
    request.on('error', onError);
    request.on('close', onClose);
  });

  return parseJsonBytes(Buffer.concat(chunks, size));
}
