import { StreamTruncatedError } from '../errors/stream-truncated-error.js';
import { ChatCompletionAccumulator } from '../stream/chat-completion-accumulator.js';
import type { ChatCompletionChunk } from '../types/index.js';
import { readAnswerEvent } from './answer-event.js';
import { readSSEEvents } from './read-sse-events.js';

/**
 * The chunks of one answer body, until `[DONE]`. A body that ends without it is complete only
 * when every choice received a `finish_reason`, and a `StreamTruncatedError` otherwise.
 */
export async function* readChunks(
  body: ReadableStream<Uint8Array>,
  headers: Headers,
  signal: AbortSignal,
): AsyncGenerator<ChatCompletionChunk, void, undefined> {
  const accumulator = new ChatCompletionAccumulator();
  for await (const event of readSSEEvents(body, signal)) {
    const chunk = readAnswerEvent(event, headers);
    if (chunk === 'done') return;
    if (chunk === undefined) continue;
    accumulator.add(chunk);
    yield chunk;
  }
  if (!accumulator.allChoicesFinished) throw new StreamTruncatedError(accumulator.completion);
}
