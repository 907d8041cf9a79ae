import type { ChatCompletion, ChatCompletionChunk } from '../../types/index.js';
import type { StreamedAnswer } from '../pipeline/call-upstream.js';
import type { TurnAppend, TurnEndStatus } from '../turns/turn-store.js';
import { endTurn, type TurnEnding } from './end-turn.js';
import { TurnRecorder } from './turn-recorder.js';

/** The usage-only chunk of a stream: the token counts, with no choice in it. */
function isUsageOnlyChunk(chunk: ChatCompletionChunk): boolean {
  return chunk.choices.length === 0 && chunk.usage != null;
}

/**
 * The producer of a turn: records each event of the upstream's stream as it passes (the
 * event's data and name; the id comes from the store; see {@link TurnRecorder}), telling
 * `ending.recording` of each, then ends the turn once. It does not wait for any client. A stop (`producer.signal`) or the creator
 * leaving under the `'abort'` policy (`disconnected`) aborts the upstream call through the
 * deadline's signal; a store that refuses an event (too large, unreachable) ends the read too.
 */
export async function produceTurn<Req, Res>(
  { stream, usageForBrowser, explainFailure }: StreamedAnswer,
  disconnected: AbortSignal,
  ending: TurnEnding<Req, Res>,
): Promise<void> {
  const { producer } = ending;
  const recorder = new TurnRecorder(producer, ending.recording);
  // Kept to estimate the usage of an answer cut short, which gets no usage chunk.
  const recordedChunks: string[] = [];
  let decoded: TurnAppend[] = [];
  let firstByteAt: number | undefined;
  let failure: unknown;
  try {
    const events = stream.eventBytes({
      omitChunk: usageForBrowser ? undefined : isUsageOnlyChunk,
      omitErrorEvent: true,
      onEvent: ({ event, data }) => decoded.push(event === 'message' ? { data } : { data, event }),
    });
    // The bytes are the upstream's; the events they hold were handed over as they were decoded.
    for await (const _bytes of events) {
      const read = decoded;
      decoded = [];
      await recorder.add(read);
      for (const { event, data } of read) {
        if (event === undefined && data !== '[DONE]') recordedChunks.push(data);
      }
      firstByteAt ??= performance.now();
    }
  } catch (error) {
    failure = explainFailure(error);
  }
  // What was read before a failure is recorded before the turn ends.
  try {
    await recorder.flush();
  } catch (error) {
    failure ??= explainFailure(error);
  }
  let completion: ChatCompletion | undefined;
  try {
    completion = await stream.finalChatCompletion();
  } catch (error) {
    failure ??= error;
  }
  const status: TurnEndStatus = producer.signal.aborted
    ? 'stopped'
    : disconnected.aborted
      ? 'disconnected'
      : failure === undefined
        ? 'completed'
        : 'failed';
  const { status: upstreamStatus, cacheStatus } = stream.meta;
  await endTurn(
    { status, failure, completion, recordedChunks, upstreamStatus, cacheStatus, firstByteAt },
    ending,
  );
}
