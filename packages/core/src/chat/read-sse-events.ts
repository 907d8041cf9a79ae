import { APIConnectionError } from '../errors/api-errors.js';
import { createSSEDecoder } from '../sse/create-sse-decoder.js';
import type { ServerSentEvent } from '../sse/server-sent-event.js';

/**
 * The events of an SSE response body. A connection that fails while reading is an
 * `APIConnectionError`, unless the request was aborted.
 */
export async function* readSSEEvents(
  body: ReadableStream<Uint8Array>,
  signal: AbortSignal,
): AsyncGenerator<ServerSentEvent, void, undefined> {
  // The push decoder over a plain reader loop keeps the browser bundle small; aborting the
  // request's signal already ends a pending read of a fetch body.
  const events: ServerSentEvent[] = [];
  const decoder = createSSEDecoder((event) => {
    events.push(event);
  });
  const reader = body.getReader();
  try {
    for (let done = false; !done; ) {
      try {
        const read = await reader.read();
        done = read.done;
        if (read.done) decoder.end();
        else decoder.push(read.value);
      } catch (error) {
        if (signal.aborted) throw error;
        throw new APIConnectionError({ cause: error });
      }
      yield* events.splice(0);
    }
  } finally {
    reader.cancel().catch(() => {});
  }
}
