import type { ChatCompletionFinishReason } from './completion.js';
import type { ChatCompletionLogprobs } from './logprobs.js';
import type { CompletionUsage } from './usage.js';

/** A piece of a function call in a streamed answer. */
export interface ChatCompletionChunkFunctionCallDelta {
  /** The function's name, sent whole in the first piece. */
  name?: string;
  /** The next piece of the arguments' JSON text; append the pieces in order. */
  arguments?: string;
}

/**
 * A piece of a tool call in a streamed answer. Pieces with the same `index` belong to the same
 * call: the first carries `id`, `type` and the function name, the rest more argument text.
 */
export interface ChatCompletionChunkToolCallDelta {
  /** The position of the call among the tool calls of this choice. */
  index: number;
  /** The call's id, in the call's first piece. */
  id?: string;
  /** Always `function`, in the call's first piece. */
  type?: 'function';
  /** The function name and the next piece of its arguments. */
  function?: ChatCompletionChunkFunctionCallDelta;
}

/** What a chunk adds to a choice's message. */
export interface ChatCompletionChunkDelta {
  /** The author, in the first chunk of a choice. */
  role?: 'system' | 'user' | 'assistant' | 'tool';
  /** The next piece of the answer's text. */
  content?: string | null;
  /** The next piece of a refusal. */
  refusal?: string | null;
  /** Pieces of tool calls, told apart by `index`. */
  tool_calls?: ChatCompletionChunkToolCallDelta[];
  /**
   * A piece of the function call.
   * @deprecated Use `tool_calls`.
   */
  function_call?: ChatCompletionChunkFunctionCallDelta;
}

/** One choice's part of a chunk. */
export interface ChatCompletionChunkChoice {
  /** The position of the choice this chunk continues. */
  index: number;
  /** What this chunk adds to the choice's message. */
  delta: ChatCompletionChunkDelta;
  /** Why the model stopped, in the choice's last chunk; null before. */
  finish_reason: ChatCompletionFinishReason | null;
  /** Log probabilities of the tokens in this chunk, when the request asked for them. */
  logprobs?: ChatCompletionLogprobs | null;
}

/** One server-sent event of a streamed Chat Completions response. */
export interface ChatCompletionChunk {
  /** The completion's id, the same in every chunk. */
  id: string;
  /** Always `chat.completion.chunk`. */
  object: 'chat.completion.chunk';
  /** Unix time in seconds when the completion was created, the same in every chunk. */
  created: number;
  /** The model that answers. */
  model: string;
  /**
   * The choices this chunk continues. Empty in the usage chunk that `stream_options:
   * { include_usage: true }` adds at the end.
   */
  choices: ChatCompletionChunkChoice[];
  /**
   * With `include_usage`, null in every chunk except the last, which holds the token counts of
   * the whole request. Absent otherwise.
   */
  usage?: CompletionUsage | null;
  /**
   * The backend configuration that answers; a change explains different answers to the same
   * `seed`.
   */
  system_fingerprint?: string | null;
  /** The processing tier that serves the request. */
  service_tier?: string | null;
}
