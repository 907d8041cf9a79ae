import type { ChatFinishInfo } from '@chatwire/core/server';

/** What the log line of a finished turn is made of. */
export type ChatTurnSummary = Pick<
  ChatFinishInfo,
  'traceId' | 'usage' | 'latencyMs' | 'aborted' | 'finishReason'
> & { context: { spanId?: string } };

/**
 * The log line of a finished chat turn: `chat turn trace=… span=… stop tokens=… 12ms`. The
 * page shows the same trace id under the answer, so a turn can be found in the log.
 */
export function chatTurnLine(turn: ChatTurnSummary): string {
  const tokens = turn.usage?.total_tokens ?? '?';
  const outcome = turn.aborted ? 'aborted' : (turn.finishReason ?? 'ended');
  const span = turn.context.spanId ?? '-';
  return `chat turn trace=${turn.traceId} span=${span} ${outcome} tokens=${tokens} ${Math.round(turn.latencyMs)}ms`;
}

/** The log line of a chat request that failed; a request refused before it had a trace says so. */
export function chatErrorLine(error: unknown, context: { traceId: string } | undefined): string {
  const message = error instanceof Error ? error.message : String(error);
  return `chat error trace=${context?.traceId ?? '(refused)'}: ${message}`;
}
