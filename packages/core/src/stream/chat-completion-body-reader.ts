import type { PortkeyResponseMeta } from '../client/response-meta.js';
import { APIUserAbortError } from '../errors/api-errors.js';
import { ChatwireError } from '../errors/chatwire-error.js';
import { StreamTruncatedError } from '../errors/stream-truncated-error.js';
import type { ServerSentEvent } from '../sse/index.js';
import type { ChatCompletion, ChatCompletionChunk } from '../types/index.js';
import { BodyEventIterator, type BodyReadEnding } from './body-event-iterator.js';
import type { PortkeyEventInterpreter } from './portkey-event-interpreter.js';
import type { ReadOnceOutcome } from './read-once-outcome.js';
import { relayEventBytes } from './relay-event-bytes.js';

/** The part of the stream's outcome that a read settles. */
type Outcome = Pick<ReadOnceOutcome<ChatCompletion, string>, 'settled' | 'resolve' | 'reject'>;

/** One event read from the body and, when it is a chunk of the answer, that chunk. */
export interface StreamRecord {
  event: ServerSentEvent;
  chunk: ChatCompletionChunk | undefined;
}

/**
 * Reads the body of a streamed chat completion to its end, as decoded events or as the bytes
 * to relay, and settles the outcome with how the read ended: the completion, the error the
 * stream reported, a truncation, an abort, or a reader that left early (which aborts the
 * request). A read that fails after `[DONE]` loses nothing of the answer and ends as a whole.
 */
export class ChatCompletionBodyReader implements BodyReadEnding {
  readonly #body: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>;
  readonly #controller: AbortController;
  readonly #meta: PortkeyResponseMeta;
  readonly #events: PortkeyEventInterpreter;
  readonly #outcome: Outcome;

  /**
   * @param body The response body, as bytes of `text/event-stream`.
   * @param controller Aborts the request; aborting it stops the read.
   * @param meta The response, for the trace id of an abort error.
   * @param events Reads each event into the answer.
   * @param outcome Settled when the read ends.
   */
  constructor(
    body: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>,
    controller: AbortController,
    meta: PortkeyResponseMeta,
    events: PortkeyEventInterpreter,
    outcome: Outcome,
  ) {
    this.#body = body;
    this.#controller = controller;
    this.#meta = meta;
    this.#events = events;
    this.#outcome = outcome;
  }

  /**
   * Whether an error that ended the read leaves the relayed stream closing where the body
   * ended: an error event, or a truncation, which the receiver then sees as they are.
   */
  endsQuietly(error: unknown): boolean {
    return error === this.#events.serverError || error instanceof StreamTruncatedError;
  }

  /**
   * The body's events as they are decoded, each with its chunk of the answer. Throws what ended
   * the read when that was not the end of a whole answer.
   */
  records(): BodyEventIterator<StreamRecord> {
    return new BodyEventIterator(this.#body, this.#controller, this.#events, this, toRecord);
  }

  /** The chunks of the answer as they are decoded; ends and throws as {@link records} does. */
  chunks(): BodyEventIterator<ChatCompletionChunk> {
    return new BodyEventIterator(this.#body, this.#controller, this.#events, this, toChunk);
  }

  /**
   * Ends the read of {@link records} or {@link chunks}: settles the outcome with how it ended
   * and returns the error the reader gets. The answer is complete at [DONE]: a read that fails
   * afterwards (the idle timeout while waiting for guardrail results, an abort) loses nothing
   * of it.
   */
  end(error: unknown): unknown {
    try {
      if (error !== undefined && !this.#events.sawDone) throw error;
      const failure = this.#failureAtEnd();
      if (failure !== undefined) throw failure;
      this.#settle(undefined);
      return undefined;
    } catch (thrown) {
      try {
        this.#settleThrown(thrown);
      } catch (settled) {
        return settled;
      }
    }
  }

  /** Ends a read that its reader left early (`break`, a cancel): aborts the request. */
  leave(): void {
    this.#settleIfLeft();
  }

  /**
   * The body's bytes in whole events (see {@link relayEventBytes}). Ends quietly after an
   * error event or a truncation; throws when reading failed.
   */
  async *eventBytes(
    omitChunk: ((chunk: ChatCompletionChunk) => boolean) | undefined,
    omitErrorEvent = false,
    onEvent?: (event: ServerSentEvent) => void,
  ): AsyncGenerator<Uint8Array, void, undefined> {
    try {
      try {
        yield* relayEventBytes(
          this.#body,
          this.#controller,
          this.#events,
          omitChunk,
          omitErrorEvent,
          onEvent,
        );
      } catch (error) {
        if (!this.#events.sawDone) throw error;
      }
      // As in ChatCompletionStream.toReadableStream(), an error event or a truncation ends the
      // bytes where the body ended (the outcome reports it); an abort is a failed read.
      const failure = this.#events.serverError ?? this.#failureAtEnd();
      if (!this.endsQuietly(failure)) throw failure;
      this.#settle(failure);
    } catch (error) {
      this.#settleThrown(error);
    } finally {
      this.#settleIfLeft();
    }
  }

  /** Why a body that has ended does not make a whole answer, if it does not. */
  #failureAtEnd(): ChatwireError | undefined {
    if (this.#events.sawDone) return undefined;
    const signal = this.#controller.signal;
    if (signal.aborted) return abortError(signal, this.#meta.traceId);
    return this.#events.truncationAtEnd();
  }

  /** Settles the outcome with what ended the read, and throws it to the reader. */
  #settleThrown(error: unknown): never {
    const signal = this.#controller.signal;
    const thrown =
      signal.aborted && error !== this.#events.serverError
        ? abortError(signal, this.#meta.traceId)
        : error;
    this.#settle(thrown);
    throw thrown;
  }

  /** Settles the outcome of a read that the reader left early (`break`, a cancel). */
  #settleIfLeft(): void {
    if (this.#outcome.settled) return;
    const signal = this.#controller.signal;
    if (!signal.aborted) this.#controller.abort();
    this.#settle(abortError(signal, this.#meta.traceId));
  }

  #settle(error: unknown): void {
    if (error === undefined) this.#outcome.resolve(this.#events.completion);
    else this.#outcome.reject(error);
  }
}

function toRecord(event: ServerSentEvent, chunk: ChatCompletionChunk | undefined): StreamRecord {
  return { event, chunk };
}

function toChunk(
  _event: ServerSentEvent,
  chunk: ChatCompletionChunk | undefined,
): ChatCompletionChunk | undefined {
  return chunk;
}

function abortError(signal: AbortSignal, traceID: string | null): ChatwireError {
  return signal.reason instanceof ChatwireError
    ? signal.reason
    : new APIUserAbortError({ traceID });
}
