import { ChatwireError } from '../errors/index.js';
import { DEFAULT_MAX_EVENT_BYTES } from './event-line-parser.js';
import type { ServerSentEvent } from './server-sent-event.js';
import { Utf8ChunkDecoder } from './utf8-chunk-decoder.js';

/** Options of {@link createSSEDecoder}. */
export interface SSEDecoderOptions {
  /**
   * The largest event, or single line, the decoder buffers before it gives up with an
   * `SSEEventTooLargeError`. Sizes are counted on the decoded text, one per UTF-16 code unit,
   * which equals the byte count for ASCII and undercounts other UTF-8 text.
   * Defaults to 16 MiB.
   */
  maxEventBytes?: number;
}

/** A push-style server-sent event decoder, returned by {@link createSSEDecoder}. */
export interface SSEDecoder {
  /**
   * Decodes the next bytes of the stream and calls `onEvent` for every event they complete,
   * before returning. Bytes may be split anywhere, even inside a UTF-8 character or between
   * the CR and LF of one line end. Throws `SSEEventTooLargeError` when an event outgrows
   * `maxEventBytes`, and rethrows what `onEvent` throws (the rest of those bytes is then
   * not decoded).
   */
  push(bytes: Uint8Array): void;
  /**
   * Ends the stream. An event whose closing blank line never arrived is discarded, as the
   * standard requires. `push` throws after this.
   */
  end(): void;
}

/**
 * Creates a decoder for a `text/event-stream` whose bytes arrive by callback rather than as a
 * stream (a WebSocket relay, a Node `data` listener, a test). It follows the same rules as
 * {@link decodeSSE}.
 *
 * @example
 * ```ts
 * const decoder = createSSEDecoder((event) => console.log(event.data));
 * socket.on('data', (bytes) => decoder.push(bytes));
 * socket.on('end', () => decoder.end());
 * ```
 */
export function createSSEDecoder(
  onEvent: (event: ServerSentEvent) => void,
  options: SSEDecoderOptions = {},
): SSEDecoder {
  const decoder = new Utf8ChunkDecoder(onEvent, options.maxEventBytes ?? DEFAULT_MAX_EVENT_BYTES);
  let ended = false;
  return {
    push(bytes) {
      if (ended) throw new ChatwireError('SSEDecoder.push() was called after end().');
      decoder.push(bytes);
    },
    end() {
      if (ended) return;
      ended = true;
      decoder.end();
    },
  };
}
