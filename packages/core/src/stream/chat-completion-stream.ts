import type { PortkeyResponseMeta } from '../client/response-meta.js';
import type { StreamTruncatedError } from '../errors/stream-truncated-error.js';
import { redactText } from '../secrets/index.js';
import { encodeSSEEvent } from '../sse/encode-sse-event.js';
import type { ServerSentEvent } from '../sse/index.js';
import type { ChatCompletion, ChatCompletionChunk } from '../types/index.js';
import type { ChatCompletionAccumulator } from './chat-completion-accumulator.js';
import { ChatCompletionBodyReader } from './chat-completion-body-reader.js';
import { PortkeyEventInterpreter } from './portkey-event-interpreter.js';
import type { PortkeyHookResults } from './portkey-hook-results.js';
import { ReadOnceOutcome } from './read-once-outcome.js';
import type { StreamObserver } from './stream-observer.js';

/** What a {@link ChatCompletionStream} is built from, besides the response body. */
export interface ChatCompletionStreamInit {
  /**
   * Aborts the request. Aborting it stops reading the body; the reason, when it is a
   * `ChatwireError` (an idle timeout, say), is what reading throws.
   */
  controller: AbortController;
  /** The status and Portkey headers of the response the stream is the body of. */
  meta: PortkeyResponseMeta;
  /**
   * The credentials the request was sent with (as `secretValuesOf` finds them in its
   * headers), redacted from the errors the stream reports, since an upstream may echo them.
   * Called only when an error needs them.
   */
  secrets?: () => readonly string[];
  /**
   * Told of the first chunk of the answer and of how the stream ended, whoever reads it: the
   * client's telemetry uses it to end the call's span when the stream ends or is aborted.
   */
  observer?: StreamObserver | undefined;
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
  /**
   * Leaves out the bytes of the event that reported an error (`event: error`, or a chunk of
   * the form `{"error": …}`), which may carry whatever the upstream put in it: a server
   * relaying to a browser sends an error of its own wording instead. The iteration still ends
   * there, and {@link ChatCompletionStream.finalChatCompletion} still rejects with the error.
   * Defaults to false.
   */
  omitErrorEvent?: boolean;
  /**
   * Called with each event that is passed on, as it is decoded and before its bytes are
   * yielded: a server that records the answer event by event reads them here rather than
   * decoding the bytes a second time.
   */
  onEvent?: (event: ServerSentEvent) => void;
}

type Reader = 'for await' | 'toReadableStream()' | 'eventBytes()' | 'finalChatCompletion()';

function noSecrets(): readonly string[] {
  return [];
}

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

  readonly #events: PortkeyEventInterpreter;
  readonly #secrets: () => readonly string[];
  readonly #bodyReader: ChatCompletionBodyReader;
  readonly #outcome = new ReadOnceOutcome<ChatCompletion, Reader>(
    (reader) =>
      `This ChatCompletionStream is already being read by ${reader}; its body can be ` +
      `read once. Use finalChatCompletion() to get the whole answer alongside ${reader}.`,
  );

  /**
   * @param body The response body, as bytes of `text/event-stream`.
   * @param init The request's abort controller and the response metadata.
   */
  constructor(
    body: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>,
    init: ChatCompletionStreamInit,
  ) {
    this.controller = init.controller;
    this.meta = init.meta;
    const observer = init.observer;
    const firstChunk = observer === undefined ? undefined : () => observer.firstChunk();
    this.#events = new PortkeyEventInterpreter(init.meta, init.secrets, firstChunk);
    this.#secrets = init.secrets ?? noSecrets;
    if (observer !== undefined) {
      this.#outcome.promise.then(
        (completion) => observer.answered(completion),
        (error: unknown) => observer.failed(error),
      );
    }
    this.#bodyReader = new ChatCompletionBodyReader(
      body,
      init.controller,
      init.meta,
      this.#events,
      this.#outcome,
    );
  }

  /**
   * The results of the guardrails and hooks of the Portkey config: `before_request_hooks`
   * from the chunk ahead of the answer, `after_request_hooks` from the chunk after `[DONE]`
   * (complete once the stream has been read to its end). `undefined` when Portkey sent none.
   */
  get hookResults(): PortkeyHookResults | undefined {
    return this.#events.hookResults;
  }

  /**
   * The data of every event received after `data: [DONE]`, parsed as JSON where it is JSON
   * (Portkey sends output guardrail results there). Complete once the stream has been read to
   * its end.
   */
  get afterDoneChunks(): readonly unknown[] {
    return this.#events.afterDoneChunks;
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
    this.#outcome.claim('for await');
    return this.#bodyReader.chunks();
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
    return this.#outcome.final('finalChatCompletion()', () => this.#bodyReader.records());
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
   * before and after it, and `event: error` events), so the receiver sees what Portkey sent,
   * except that the request's credentials are redacted from every event that is not a chunk
   * (an error event may echo the request's headers). Comments (`: ping`) and `id:`/`retry:`
   * fields are not repeated.
   *
   * The readable stream closes where the body ended, also after an error event or a
   * truncation (the receiver sees the same end); it errors when reading failed (abort,
   * connection loss). Cancelling it aborts the request. {@link finalChatCompletion} still
   * reports the outcome.
   *
   * @throws ChatwireError when the stream is already being read.
   */
  toReadableStream(): ReadableStream<Uint8Array> {
    this.#outcome.claim('toReadableStream()');
    const records = this.#bodyReader.records();
    return new ReadableStream<Uint8Array>({
      pull: async (controller) => {
        try {
          const next = await records.next();
          if (next.done) controller.close();
          else {
            const { event, chunk } = next.value;
            const data = chunk === undefined ? redactText(event.data, this.#secrets()) : event.data;
            controller.enqueue(encodeSSEEvent(data, event.event));
          }
        } catch (error) {
          if (this.#bodyReader.endsQuietly(error)) {
            controller.close();
          } else {
            controller.error(error);
          }
        }
      },
      cancel: async () => {
        this.abort();
        await records.return().catch(() => {});
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
   * (the bytes of that event included, unless `options.omitErrorEvent`) or a truncation (the receiver sees the same end); it
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
    this.#outcome.claim('eventBytes()');
    return this.#bodyReader.eventBytes(options.omitChunk, options.omitErrorEvent, options.onEvent);
  }
}
