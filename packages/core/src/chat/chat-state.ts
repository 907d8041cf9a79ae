import type { ChatCompletionFinishReason, CompletionUsage } from '../types/index.js';
import type { ChatMessage } from './chat-message.js';

/**
 * Where a chat stands: `idle` (ready for input), `submitted` (request sent, no answer yet),
 * `streaming` (the answer is arriving), `error` (the last request failed; see `error`). Endpoints
 * that record turns add two: `reconnecting` (the connection dropped mid-answer; the answer
 * resumes where it stopped) and `stalled` (no event for `stallAfterMs`; still waiting).
 */
export type ChatStatus = 'idle' | 'submitted' | 'streaming' | 'reconnecting' | 'stalled' | 'error';

/** An immutable snapshot of a chat; every change produces a new one. */
export interface ChatState {
  /** The conversation, oldest first. */
  readonly messages: readonly ChatMessage[];
  /** The text of the input box. */
  readonly input: string;
  /** Where the chat stands. */
  readonly status: ChatStatus;
  /** The error of the last request, until it is cleared or a new request starts. */
  readonly error: Error | undefined;
  /** Token counts of the last answer, when the server sent them; cleared when a request starts. */
  readonly usage: CompletionUsage | undefined;
  /** Why the model stopped in the last answer; cleared when a request starts. */
  readonly finishReason: ChatCompletionFinishReason | undefined;
  /**
   * Portkey's trace id of the last answer (`x-portkey-trace-id`). After a failure, the failed
   * request's (from the response or the error's `traceID`), or `undefined` when none came.
   */
  readonly traceId: string | undefined;
  /** Portkey's cache verdict of the last answer (`x-portkey-cache-status`); likewise. */
  readonly cacheStatus: string | undefined;
}

/** `true` while a request is in flight (any status but `idle` and `error`). */
export function isChatBusy(status: ChatStatus): boolean {
  return status !== 'idle' && status !== 'error';
}

/** The state a chat starts in: idle, with the given conversation and input text. */
export function createInitialChatState(messages: readonly ChatMessage[], input: string): ChatState {
  return {
    messages,
    input,
    status: 'idle',
    error: undefined,
    usage: undefined,
    finishReason: undefined,
    traceId: undefined,
    cacheStatus: undefined,
  };
}
