import { openChunkSource } from './chunk-source.js';
import { DEFAULT_MAX_EVENT_BYTES } from './event-line-parser.js';
import type { ServerSentEvent } from './server-sent-event.js';
import { SSEEventIterator } from './sse-event-iterator.js';

/** Options of {@link decodeSSE}. */
export interface DecodeSSEOptions {
  /**
   * Stops decoding when aborted: the pending read is abandoned, the source is cancelled, and
   * the iteration rejects with the signal's `reason`.
   */
  signal?: AbortSignal;
  /**
   * The largest event, or single line, the decoder buffers before it gives up with an
   * `SSEEventTooLargeError`. Sizes are counted on the decoded text, one per UTF-16 code unit,
   * which equals the byte count for ASCII and undercounts other UTF-8 text.
   * Defaults to 16 MiB.
   */
  maxEventBytes?: number;
}

/**
 * Decodes a `text/event-stream` body into its events, exactly as the WHATWG HTML standard's
 * "Interpreting an event stream" does: UTF-8 with invalid bytes replaced by U+FFFD, one
 * leading BOM dropped, CR, LF and CR LF line ends, comments, `data` lines joined with `\n`,
 * events without data not dispatched, and an event left unfinished at the end discarded.
 *
 * Stopping the iteration early (`break`, `return()`) or aborting `options.signal` cancels the
 * source.
 *
 * @param source - The body bytes: a `ReadableStream` such as `response.body`, or any async
 *   iterable of byte chunks such as a Node `IncomingMessage`.
 * @example
 * ```ts
 * for await (const event of decodeSSE(response.body!)) {
 *   if (event.data === '[DONE]') break;
 *   console.log(JSON.parse(event.data));
 * }
 * ```
 */
export function decodeSSE(
  source: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>,
  options: DecodeSSEOptions = {},
): AsyncGenerator<ServerSentEvent, void, undefined> {
  return new SSEEventIterator(
    openChunkSource(source, options.signal),
    options.signal,
    options.maxEventBytes ?? DEFAULT_MAX_EVENT_BYTES,
  );
}
