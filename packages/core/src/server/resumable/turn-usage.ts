import { ChatCompletionAccumulator } from '../../stream/chat-completion-accumulator.js';
import type { ChatCompletion, ChatCompletionCreateParams } from '../../types/index.js';
import type { TurnEndStatus, TurnOutcome } from '../turns/turn-store.js';
import { estimateUsage } from '../usage/estimate-usage.js';

/** What a turn's usage is taken or estimated from. */
export interface TurnUsageSource {
  readonly status: TurnEndStatus;
  /** The whole answer, when it completed. */
  readonly completion?: ChatCompletion;
  /** The data of the chunk events recorded, for an answer cut short. */
  readonly recordedChunks?: readonly string[];
}

/**
 * The usage a turn's outcome records: the upstream's, else, for a turn that did not complete
 * (stopped, disconnected, failed), an estimate of the prompt and of the answer recorded so far,
 * counted as `onFinish` counts (gpt-tokenizer, when installed). Its tokens were generated, and
 * billed, even though the upstream never sent their count.
 */
export async function turnUsage(
  body: ChatCompletionCreateParams,
  { status, completion, recordedChunks }: TurnUsageSource,
): Promise<Pick<TurnOutcome, 'usage' | 'estimated'>> {
  const reported = completion?.usage ?? undefined;
  if (reported !== undefined || status === 'completed')
    return { usage: reported, estimated: false };
  const usage = await estimateUsage(body, completion ?? partialAnswer(recordedChunks ?? []));
  return { usage, estimated: usage !== undefined };
}

/** The answer merged from the chunks recorded before the turn was cut short. */
function partialAnswer(chunks: readonly string[]): ChatCompletion | undefined {
  if (chunks.length === 0) return undefined;
  const accumulator = new ChatCompletionAccumulator();
  for (const data of chunks) {
    try {
      accumulator.add(JSON.parse(data));
    } catch {
      // Not a chunk (an upstream's odd event): nothing of the answer to count in it.
    }
  }
  return accumulator.completion;
}
