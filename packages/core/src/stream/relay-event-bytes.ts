import { createSSEDecoder } from '../sse/create-sse-decoder.js';
import { EventBoundaryScanner } from '../sse/event-boundary-scanner.js';
import type { ServerSentEvent } from '../sse/server-sent-event.js';
import type { ChatCompletionChunk } from '../types/index.js';
import { readBodyChunks } from './body-chunk-reader.js';
import { concatBytes } from './concat-bytes.js';
import type { PortkeyEventInterpreter } from './portkey-event-interpreter.js';

/**
 * Passes the bytes of `body` on in whole events, as they arrived, while `events` reads each
 * event as it passes. Bytes of an event that has not ended yet are held back until it does,
 * and an event left unfinished when the body ends is dropped.
 *
 * Ends with the body, or right after the bytes of an event that reported an error (see
 * {@link PortkeyEventInterpreter.serverError}). Throws when reading fails or an event is not
 * JSON, having passed on the bytes of every event before it. Leaving the iteration early
 * cancels the body.
 *
 * @param controller Aborting it stops the read.
 * @param omitChunk Chunks for which it returns true have their event's bytes left out.
 * @param omitErrorEvent Whether the bytes of the event that reported an error are left out.
 * @param onEvent Called with each event that is passed on, before its bytes are yielded.
 */
export async function* relayEventBytes(
  body: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>,
  controller: AbortController,
  events: PortkeyEventInterpreter,
  omitChunk: ((chunk: ChatCompletionChunk) => boolean) | undefined,
  omitErrorEvent = false,
  onEvent?: (event: ServerSentEvent) => void,
): AsyncGenerator<Uint8Array, void, undefined> {
  // The signal is not read here: in Node, making it would delay the first bytes.
  const reader = readBodyChunks(body, controller);
  const boundaries = new EventBoundaryScanner();
  /** Whether the event decoded last is one left out (by `omitChunk`, or an error). */
  let omitDecoded = false;
  const decoder = createSSEDecoder((event) => {
    const chunk = events.receive(event);
    if (chunk !== undefined && omitChunk?.(chunk) === true) omitDecoded = true;
    else if (omitErrorEvent && events.serverError !== undefined) omitDecoded = true;
    else onEvent?.(event);
  });
  // The start of an event whose end has not arrived yet: passed on once it is whole.
  let held: Uint8Array[] = [];
  let firstPassed = false;
  let bodyEnded = false;
  try {
    for (;;) {
      const { done, value: bytes } = await reader.read();
      if (done) {
        bodyEnded = true;
        break;
      }
      // Each event is decoded on its own, so that bytes are passed on up to the event
      // that failed (or through the `event: error`) and not beyond, and an omitted event's
      // bytes can be cut out.
      let whole = 0;
      // Where the bytes kept since the last omitted event start; pieces before it wait in
      // `kept`, which stays empty unless an event was omitted.
      let keptFrom = 0;
      const kept: Uint8Array[] = [];
      let failure: { error: unknown } | undefined;
      try {
        for (let end = boundaries.next(bytes, 0); end !== -1; ) {
          omitDecoded = false;
          decoder.push(whole === 0 && end === bytes.length ? bytes : bytes.subarray(whole, end));
          if (omitDecoded) {
            if (keptFrom < whole) keepAll(kept, held, bytes.subarray(keptFrom, whole));
            // Held bytes are the start of the first event here: passed on above when that
            // event was kept, left out with it otherwise.
            held = [];
            keptFrom = end;
          }
          whole = end;
          if (events.serverError !== undefined) break;
          // The answer's first event goes on at once, not after the events read with it.
          if (!firstPassed && keptFrom < whole) {
            firstPassed = true;
            keepAll(kept, held, bytes.subarray(keptFrom, whole));
            held = [];
            keptFrom = whole;
            yield concatBytes(kept);
            kept.length = 0;
          }
          end = boundaries.next(bytes, whole);
        }
        if (events.serverError === undefined && whole < bytes.length) {
          decoder.push(whole === 0 ? bytes : bytes.subarray(whole));
        }
      } catch (error) {
        failure = { error };
      }
      if (keptFrom < whole) {
        const ready =
          whole === bytes.length && keptFrom === 0 ? bytes : bytes.subarray(keptFrom, whole);
        if (held.length === 0 && kept.length === 0) {
          yield ready;
        } else {
          keepAll(kept, held, ready);
          held = [];
        }
      }
      if (kept.length > 0) yield concatBytes(kept);
      if (failure !== undefined) throw failure.error;
      if (events.serverError !== undefined) break;
      if (whole < bytes.length) held.push(whole === 0 ? bytes : bytes.subarray(whole));
    }
  } finally {
    if (bodyEnded) reader.release();
    else reader.cancel();
  }
}

/**
 * Appends `held` and then `last` to `kept`. Not `push(...held)`: a long line read in tiny
 * chunks is held in more pieces than a call takes arguments.
 */
function keepAll(kept: Uint8Array[], held: readonly Uint8Array[], last: Uint8Array): void {
  for (const piece of held) kept.push(piece);
  kept.push(last);
}
