import type { PortkeyResponseMeta } from '../client/response-meta.js';
import { APIError, APIUserAbortError } from '../errors/api-errors.js';
import { ChatwireError } from '../errors/chatwire-error.js';
import { StreamTruncatedError } from '../errors/stream-truncated-error.js';
import { encodeSSEEvent } from '../sse/encode-sse-event.js';
import { EventBoundaryScanner } from '../sse/event-boundary-scanner.js';
import { createSSEDecoder, decodeSSE, type ServerSentEvent } from '../sse/index.js';
import type { ChatCompletion, ChatCompletionChunk } from '../types/index.js';
import { readBodyChunks } from './body-chunk-reader.js';
import { ChatCompletionAccumulator } from './chat-completion-accumulator.js';
import type { PortkeyHookResults } from './portkey-hook-results.js';

/** What a {@link ChatCompletionStream} is built from, besides the response body. */
export interface ChatCompletionStreamInit {
  /**
   * Aborts the request. Aborting it stops reading the body; the reason, when it is a
   * `ChatwireError` (an idle timeout, say), is what reading throws.
   */
  controller: AbortController;
  /** The status and Portkey headers of the response the stream is the body of. */
  meta: PortkeyResponseMeta;
}

/** Options of {@link ChatCompletionStream.eventBytes}. */
export interface EventBytesOptions {
  /**
   * Called with each chunk of the answer as it is decoded: when it returns true, the bytes of
   * that chunk's event are left out of what is yielded (the chunk still counts toward
   * {@link ChatCompletionStream.finalChatCompletion}). Every other event is passed on
   * byte for byte. A server uses it to keep the usage-only chunk it asked for from a browser
   * that did not.
   */
  omitChunk?: (chunk: ChatCompletionChunk) => boolean;
}

/** One event read from the body and, when it is a chunk of the answer, that chunk. */
interface StreamRecord {
  event: ServerSentEvent;
  chunk: ChatCompletionChunk | undefined;
}

type Reader = 'for await' | 'toReadableStream()' | 'eventBytes()' | 'finalChatCompletion()';

const DONE = '[DONE]';

/**
 * A streamed chat completion: what `create({ ..., stream: true })` resolves to once the
 * response headers have arrived.
 *
 * Iterate it with `for await` to receive each `ChatCompletionChunk` as it arrives, or call
 * {@link finalChatCompletion} / {@link finalText} to wait for the whole answer, or
 * {@link toReadableStream} to pass the stream on (to a browser, say) as the same SSE bytes.
 * The body can be read once: pick one of `for await` and `toReadableStream()`;
 * `finalChatCompletion()` and `finalText()` may be called alongside either (alone, they read
 * the stream themselves).
 *
 * How the stream ends:
 * - At `data: [DONE]` no further chunk is yielded, but the body is read to its end, so the
 *   chunks Portkey sends after `[DONE]` (output guardrail results) land in
 *   {@link afterDoneChunks} and {@link hookResults}. The `for await` loop ends with the body.
 * - `event: error`, or a chunk of the form `{"error": …}`, throws an `APIError`.
 * - A body that ends without `[DONE]` while some choice has no `finish_reason` throws a
 *   {@link StreamTruncatedError} carrying the partial completion. A body that ends without
 *   `[DONE]` after every choice received its `finish_reason` is complete: several providers
 *   behind Portkey never send `[DONE]`.
 * - {@link abort} (or aborting {@link controller}) cancels the read; reading throws
 *   `APIUserAbortError`, or the abort reason when it is a `ChatwireError` (such as the
 *   `APIConnectionTimeoutError` of the idle timeout). Leaving a `for await` loop early aborts
 *   the request too, which frees the connection.
 *
 * @example
 * ```ts
 * const stream = await client.chat.completions.create({ model, messages, stream: true });
 * for await (const chunk of stream) {
 *   process.stdout.write(chunk.choices[0]?.delta?.content ?? '');
 * }
 * const completion = await stream.finalChatCompletion();
 * ```
 */
export class ChatCompletionStream implements AsyncIterable<ChatCompletionChunk> {
  /** Aborts the request; {@link abort} is a shorthand. */
  readonly controller: AbortController;
  /** The status and Portkey headers (trace id, cache status, …) of the response. */
  readonly meta: PortkeyResponseMeta;

  readonly #body: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>;
  readonly #accumulator = new ChatCompletionAccumulator();
  readonly #afterDoneChunks: unknown[] = [];
  #hookResults: PortkeyHookResults | undefined;
  #reader: Reader | undefined;
  #serverError: APIError | undefined;
  #sawDone = false;
  #omitChunk: ((chunk: ChatCompletionChunk) => boolean) | undefined;
  /** Whether the event decoded last is one {@link EventBytesOptions.omitChunk} left out. */
  #omitDecoded = false;
  #settled = false;
  #resolveFinal!: (completion: ChatCompletion) => void;
  #rejectFinal!: (error: unknown) => void;
  readonly #final: Promise<ChatCompletion>;

  /**
   * @param body The response body, as bytes of `text/event-stream`.
   * @param init The request's abort controller and the response metadata.
   */
  constructor(
    body: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>,
    init: ChatCompletionStreamInit,
  ) {
    this.#body = body;
    this.controller = init.controller;
    this.meta = init.meta;
    this.#final = new Promise<ChatCompletion>((resolve, reject) => {
      this.#resolveFinal = resolve;
      this.#rejectFinal = reject;
    });
    // The outcome is also thrown to whoever reads the stream; nobody has to ask for it.
    this.#final.catch(() => {});
  }

  /**
   * The results of the guardrails and hooks of the Portkey config: `before_request_hooks`
   * from the chunk ahead of the answer, `after_request_hooks` from the chunk after `[DONE]`
   * (complete once the stream has been read to its end). `undefined` when Portkey sent none.
   */
  get hookResults(): PortkeyHookResults | undefined {
    return this.#hookResults;
  }

  /**
   * The data of every event received after `data: [DONE]`, parsed as JSON where it is JSON
   * (Portkey sends output guardrail results there). Complete once the stream has been read to
   * its end.
   */
  get afterDoneChunks(): readonly unknown[] {
    return this.#afterDoneChunks;
  }

  /** Stops the request and the reading of the body; reading throws `APIUserAbortError`. */
  abort(): void {
    this.controller.abort();
  }

  /**
   * Iterates the chunks of the answer as they arrive. Chunks without `choices` (the usage-only
   * chunk) are yielded with `choices: []`; the chunk that only carries `hook_results` is not
   * yielded (see {@link hookResults}).
   *
   * @throws ChatwireError when the stream is already being read.
   */
  [Symbol.asyncIterator](): AsyncIterator<ChatCompletionChunk> {
    this.#claim('for await');
    return this.#chunks();
  }

  /**
   * Resolves to the whole answer merged into one `ChatCompletion` (see
   * {@link ChatCompletionAccumulator}), once the body has been read to its end. When nothing
   * reads the stream yet, this reads it.
   *
   * @throws The error that ended the stream: `APIError`, `StreamTruncatedError`,
   * `APIUserAbortError`, …
   */
  finalChatCompletion(): Promise<ChatCompletion> {
    if (this.#reader === undefined) {
      this.#claim('finalChatCompletion()');
      void this.#drain();
    }
    return this.#final;
  }

  /**
   * Resolves to the text of the first choice of the answer (`''` when it has none), as
   * {@link finalChatCompletion} does.
   */
  async finalText(): Promise<string> {
    const completion = await this.finalChatCompletion();
    return completion.choices[0]?.message.content ?? '';
  }

  /**
   * The stream as the bytes of `text/event-stream`, to send on unchanged: each event's data is
   * written as it was received (`data: <json>\n\n` per chunk, `data: [DONE]\n\n`, the chunks
   * before and after it, and `event: error` events), so the receiver sees what Portkey sent.
   * Comments (`: ping`) and `id:`/`retry:` fields are not repeated.
   *
   * The readable stream closes where the body ended, also after an error event or a
   * truncation (the receiver sees the same end); it errors when reading failed (abort,
   * connection loss). Cancelling it aborts the request. {@link finalChatCompletion} still
   * reports the outcome.
   *
   * @throws ChatwireError when the stream is already being read.
   */
  toReadableStream(): ReadableStream<Uint8Array> {
    this.#claim('toReadableStream()');
    const records = this.#read();
    return new ReadableStream<Uint8Array>({
      pull: async (controller) => {
        try {
          const next = await records.next();
          if (next.done) controller.close();
          else controller.enqueue(encodeSSEEvent(next.value.event.data, next.value.event.event));
        } catch (error) {
          if (error === this.#serverError || error instanceof StreamTruncatedError) {
            controller.close();
          } else {
            controller.error(error);
          }
        }
      },
      cancel: async () => {
        this.abort();
        await records.return(undefined).catch(() => {});
      },
    });
  }

  /**
   * The body's bytes, passed on as Portkey sent them, for a server relaying the stream to a
   * browser without decoding and re-encoding each event: every yielded chunk holds whole
   * events (`data: <json>\n\n`, `data: [DONE]`, the chunks after it, `event: error`) along with
   * any comments (`: ping`) and `id:`/`retry:` lines between them. Bytes of an event that has
   * not ended yet are held back until it does, and an event left unfinished when the body
   * ends is dropped, so a receiver never holds half an event.
   *
   * Each event is decoded and merged into the answer as it passes, so
   * {@link finalChatCompletion}, {@link hookResults} and {@link afterDoneChunks} work as with
   * `for await`. The iteration ends where the body ended, also right after an `event: error`
   * (the bytes of that event included) or a truncation (the receiver sees the same end); it
   * throws when reading failed (abort, connection loss, an event that is not JSON, whose
   * bytes are not passed on). Leaving it early (`break`, `return()`) aborts the request.
   * {@link finalChatCompletion} reports the outcome. `options.omitChunk` leaves chosen chunks'
   * events out.
   *
   * @example
   * ```ts
   * for await (const bytes of stream.eventBytes()) {
   *   if (!response.write(bytes)) await once(response, 'drain');
   * }
   * response.end();
   * const completion = await stream.finalChatCompletion();
   * ```
   * @throws ChatwireError when the stream is already being read.
   */
  eventBytes(options: EventBytesOptions = {}): AsyncIterableIterator<Uint8Array> {
    this.#claim('eventBytes()');
    this.#omitChunk = options.omitChunk;
    return this.#readEventBytes();
  }

  #claim(reader: Reader): void {
    if (this.#reader !== undefined) {
      throw new ChatwireError(
        `This ChatCompletionStream is already being read by ${this.#reader}; its body can be ` +
          `read once. Use finalChatCompletion() to get the whole answer alongside ${this.#reader}.`,
      );
    }
    this.#reader = reader;
  }

  async *#chunks(): AsyncGenerator<ChatCompletionChunk> {
    for await (const record of this.#read()) {
      if (record.chunk) yield record.chunk;
    }
  }

  async #drain(): Promise<void> {
    try {
      for await (const _record of this.#read()) {
        // Reading to the end settles #final.
      }
    } catch {
      // Already delivered through #final.
    }
  }

  async *#read(): AsyncGenerator<StreamRecord> {
    try {
      try {
        for await (const event of decodeSSE(this.#body, { signal: this.controller.signal })) {
          const chunk = this.#receive(event);
          yield { event, chunk };
          if (this.#serverError !== undefined) throw this.#serverError;
        }
      } catch (error) {
        // The answer is complete at [DONE]: a read that fails afterwards (the idle timeout
        // while waiting for guardrail results, an abort) loses nothing of it.
        if (!this.#sawDone) throw error;
      }
      const failure = this.#failureAtEnd();
      if (failure !== undefined) throw failure;
      this.#settle(undefined);
    } catch (error) {
      this.#settleThrown(error);
    } finally {
      this.#settleIfLeft();
    }
  }

  async *#readEventBytes(): AsyncGenerator<Uint8Array, void, undefined> {
    // The signal is not read here: in Node, making it would delay the first bytes.
    const body = readBodyChunks(this.#body, this.controller);
    const boundaries = new EventBoundaryScanner();
    const decoder = createSSEDecoder(this.#onDecodedEvent);
    // The start of an event whose end has not arrived yet: passed on once it is whole.
    let held: Uint8Array[] = [];
    let bodyEnded = false;
    try {
      try {
        for (;;) {
          const { done, value: bytes } = await body.read();
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
              this.#omitDecoded = false;
              decoder.push(
                whole === 0 && end === bytes.length ? bytes : bytes.subarray(whole, end),
              );
              if (this.#omitDecoded) {
                if (keptFrom < whole) kept.push(...held, bytes.subarray(keptFrom, whole));
                // Held bytes are the start of the first event here: passed on above when that
                // event was kept, left out with it otherwise.
                held = [];
                keptFrom = end;
              }
              whole = end;
              if (this.#serverError !== undefined) break;
              end = boundaries.next(bytes, whole);
            }
            if (this.#serverError === undefined && whole < bytes.length) {
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
              kept.push(...held, ready);
              held = [];
            }
          }
          if (kept.length > 0) yield kept.length === 1 ? kept[0]! : concatenate(kept);
          if (failure !== undefined) throw failure.error;
          if (this.#serverError !== undefined) break;
          if (whole < bytes.length) held.push(whole === 0 ? bytes : bytes.subarray(whole));
        }
      } catch (error) {
        if (!this.#sawDone) throw error;
      }
      // As in toReadableStream(), an error event or a truncation ends the bytes where the body
      // ended (finalChatCompletion() reports it); an abort is a failed read.
      const failure = this.#serverError ?? this.#failureAtEnd();
      const endsQuietly = failure === this.#serverError || failure instanceof StreamTruncatedError;
      if (!endsQuietly) throw failure;
      this.#settle(failure);
    } catch (error) {
      this.#settleThrown(error);
    } finally {
      if (bodyEnded) body.release();
      else body.cancel();
      this.#settleIfLeft();
    }
  }

  readonly #onDecodedEvent = (event: ServerSentEvent): void => {
    const chunk = this.#receive(event);
    if (chunk !== undefined && this.#omitChunk?.(chunk) === true) this.#omitDecoded = true;
  };

  /**
   * Takes one event into the answer: returns the chunk to hand out, if it is one. An error
   * event (or error chunk) before `[DONE]` is kept in #serverError rather than thrown, so that
   * the caller can pass the event on first.
   */
  #receive(event: ServerSentEvent): ChatCompletionChunk | undefined {
    if (this.#sawDone) {
      this.#captureAfterDone(event.data);
      return undefined;
    }
    if (event.event === 'error') {
      this.#serverErrorFrom(parseOrKeep(event.data));
      return undefined;
    }
    if (event.data === DONE) {
      this.#sawDone = true;
      return undefined;
    }
    if (event.event !== 'message' || event.data.trim() === '') {
      this.#captureHookResults(parseOrKeep(event.data));
      return undefined;
    }
    const payload = parseJSONObject(event.data);
    if (payload.error) {
      this.#serverErrorFrom(payload);
      return undefined;
    }
    return this.#chunkFrom(payload);
  }

  /** Why a body that has ended does not make a whole answer, if it does not. */
  #failureAtEnd(): ChatwireError | undefined {
    if (this.#sawDone) return undefined;
    const signal = this.controller.signal;
    if (signal.aborted) return abortError(signal, this.meta.traceId);
    if (!this.#accumulator.allChoicesFinished) {
      return new StreamTruncatedError(this.#accumulator.completion);
    }
    return undefined;
  }

  /** Settles the outcome with what ended the read, and throws it to the reader. */
  #settleThrown(error: unknown): never {
    const signal = this.controller.signal;
    const thrown =
      signal.aborted && error !== this.#serverError ? abortError(signal, this.meta.traceId) : error;
    this.#settle(thrown);
    throw thrown;
  }

  /** Settles the outcome of a read that the reader left early (`break`, a cancel). */
  #settleIfLeft(): void {
    if (this.#settled) return;
    const signal = this.controller.signal;
    if (!signal.aborted) this.controller.abort();
    this.#settle(abortError(signal, this.meta.traceId));
  }

  /**
   * Turns one data event before `[DONE]` into the chunk to yield, or `undefined` for the chunk
   * that only carries `hook_results`.
   */
  #chunkFrom(payload: Record<string, unknown>): ChatCompletionChunk | undefined {
    if (this.#captureHookResults(payload) && !('choices' in payload)) return undefined;
    if (!Array.isArray(payload.choices)) payload.choices = [];
    const chunk = payload as unknown as ChatCompletionChunk;
    this.#accumulator.add(chunk);
    return chunk;
  }

  /** Keeps the `hook_results` of a payload, if it has some; tells whether it had. */
  #captureHookResults(payload: unknown): boolean {
    if (!isObject(payload) || !isObject(payload.hook_results)) return false;
    this.#hookResults = { ...this.#hookResults, ...payload.hook_results };
    return true;
  }

  #captureAfterDone(data: string): void {
    const payload = parseOrKeep(data);
    this.#afterDoneChunks.push(payload);
    this.#captureHookResults(payload);
  }

  #serverErrorFrom(body: unknown): APIError {
    const error = APIError.generate(
      undefined,
      body,
      undefined,
      this.meta.headers,
      this.meta.traceId,
    );
    this.#serverError = error;
    return error;
  }

  #settle(error: unknown): void {
    if (this.#settled) return;
    this.#settled = true;
    if (error === undefined) this.#resolveFinal(this.#accumulator.completion);
    else this.#rejectFinal(error);
  }
}

function abortError(signal: AbortSignal, traceID: string | null): ChatwireError {
  return signal.reason instanceof ChatwireError
    ? signal.reason
    : new APIUserAbortError({ traceID });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseJSONObject(data: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch (cause) {
    throw new ChatwireError(`A stream event was not valid JSON: ${truncateForMessage(data)}`, {
      cause,
    });
  }
  if (!isObject(parsed)) {
    throw new ChatwireError(`A stream event was not a JSON object: ${truncateForMessage(data)}`);
  }
  return parsed;
}

function parseOrKeep(data: string): unknown {
  try {
    return JSON.parse(data);
  } catch {
    return data;
  }
}

function concatenate(pieces: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const piece of pieces) length += piece.length;
  const joined = new Uint8Array(length);
  let offset = 0;
  for (const piece of pieces) {
    joined.set(piece, offset);
    offset += piece.length;
  }
  return joined;
}

function truncateForMessage(data: string): string {
  return data.length > 200 ? `${data.slice(0, 200)}…` : data;
}
