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
 * The chunks of a resumable turn, across dropped connections. When the body fails or ends
 * before `[DONE]` (and before every choice finished), the turn is reopened after the last event
 * seen, with backoff ({@link reconnectDelay}), up to {@link RECONNECT_ATTEMPTS} times in a row:
 * the chunks continue with no gap and no repeat. HTTP errors (an unknown turn) end it at once.
 */
export async function* followTurn(
  first: Response,
  after: string | undefined,
  reopen: ReopenTurn,
  request: ChatTransportRequest,
): AsyncGenerator<ChatCompletionChunk, void, undefined> {
  const accumulator = new ChatCompletionAccumulator();
  let lastEventId = after;
  let response: Response | undefined = first;
  let failures = 0;
  let failure: Error = new APIConnectionError({ message: 'The turn could not be reopened.' });
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
        if (!(error instanceof APIConnectionError) || request.signal.aborted) throw error;
        failure = error;
      }
    }
    if (failures === RECONNECT_ATTEMPTS || request.signal.aborted) throw failure;
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
