import { APIConnectionError } from '../errors/api-errors.js';
import { StreamTruncatedError } from '../errors/stream-truncated-error.js';
import { ChatCompletionAccumulator } from '../stream/chat-completion-accumulator.js';
import type { ChatCompletionChunk } from '../types/index.js';
import { readAnswerEvent } from './answer-event.js';
import type { ChatTransportRequest } from './chat-transport.js';
import { RECONNECT_ATTEMPTS } from './defaults.js';
import { readSSEEvents } from './read-sse-events.js';
import { reconnectDelay, sleep } from './reconnect-delay.js';

/** Opens the turn's stream again after the event with id `lastEventId` (`GET ?turn=`). */
export type ReopenTurn = (lastEventId: string | undefined) => Promise<Response>;

/**
 * The chunks of an answer, until `[DONE]`. A body that ends without it is complete only when
 * every choice received a `finish_reason`, and a `StreamTruncatedError` otherwise; a connection
 * that fails is an `APIConnectionError`.
 *
 * A resumable turn (given `reopen`) survives both: the turn is reopened after the last event
 * seen, with backoff ({@link reconnectDelay}), up to {@link RECONNECT_ATTEMPTS} times in a row,
 * and the chunks continue with no gap and no repeat. HTTP errors (an unknown turn) end it.
 */
export async function* readAnswer(
  first: Response,
  after: string | undefined,
  reopen: ReopenTurn | undefined,
  request: ChatTransportRequest,
): AsyncGenerator<ChatCompletionChunk, void, undefined> {
  const accumulator = new ChatCompletionAccumulator();
  let lastEventId = after;
  let response: Response | undefined = first;
  let failures = 0;
  // Always set before it is thrown: the first response has a body (the transport checked).
  let failure: unknown;
  for (;;) {
    if (response?.body) {
      try {
        for await (const event of readSSEEvents(response.body, request.signal)) {
          if (event.id !== undefined) lastEventId = event.id;
          failures = 0;
          const chunk = readAnswerEvent(event, response.headers);
          if (chunk === 'done') return;
          if (chunk === undefined) continue;
          accumulator.add(chunk);
          yield chunk;
        }
        if (accumulator.allChoicesFinished) return;
        failure = new StreamTruncatedError(accumulator.completion);
      } catch (error) {
        if (!reopen || !(error instanceof APIConnectionError) || request.signal.aborted)
          throw error;
        failure = error;
      }
    }
    if (!reopen || failures === RECONNECT_ATTEMPTS || request.signal.aborted) throw failure;
    request.onReconnecting?.();
    await sleep(reconnectDelay(failures++), request.signal);
    try {
      response = await reopen(lastEventId);
    } catch (error) {
      if (!(error instanceof APIConnectionError) || request.signal.aborted) throw error;
      response = undefined;
      failure = error;
    }
  }
}
