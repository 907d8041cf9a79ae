import type { ChatCompletionContentBlock } from './content-parts.js';
import type { ChatCompletionLogprobs } from './logprobs.js';
import type { ChatCompletionFunctionCall, ChatCompletionMessageToolCall } from './tools.js';
import type { CompletionUsage } from './usage.js';

/**
 * Why the model stopped: `stop` at a natural end or a stop sequence, `length` at the token
 * limit, `tool_calls` when it called tools, `content_filter` when content was withheld, and
 * `function_call` (deprecated) when it called a function.
 */
export type ChatCompletionFinishReason =
  | 'stop'
  | 'length'
  | 'tool_calls'
  | 'content_filter'
  | 'function_call';

/** A spoken answer, for requests with `modalities: ['text', 'audio']`. */
export interface ChatCompletionAudio {
  /** The id to send back in a later assistant message instead of the audio itself. */
  id: string;
  /** The audio, base64 encoded in the format the request asked for. */
  data: string;
  /** Unix time in seconds after which the provider forgets this audio. */
  expires_at: number;
  /** What the audio says. */
  transcript: string;
}

/** The message the model wrote in one choice. */
export interface ChatCompletionMessage {
  /** Always `assistant`. */
  role: 'assistant';
  /** The text of the answer; null when the model only called tools or refused. */
  content: string | null;
  /** The refusal the model gave, if it refused. */
  refusal?: string | null;
  /** The tool calls the model made. */
  tool_calls?: ChatCompletionMessageToolCall[];
  /**
   * The function the model called.
   * @deprecated Use `tool_calls`.
   */
  function_call?: ChatCompletionFunctionCall | null;
  /** The spoken answer, when audio output was asked for. */
  audio?: ChatCompletionAudio | null;
  /**
   * The answer as blocks of text and reasoning. Portkey adds it for thinking models when strict
   * OpenAI compliance is off.
   */
  content_blocks?: ChatCompletionContentBlock[] | null;
}

/** One of the answers in a {@link ChatCompletion}. */
export interface ChatCompletionChoice {
  /** The position of this choice in `choices`. */
  index: number;
  /** The message the model wrote. */
  message: ChatCompletionMessage;
  /** Why the model stopped. */
  finish_reason: ChatCompletionFinishReason | null;
  /** Log probabilities of the output, when the request asked for them. */
  logprobs?: ChatCompletionLogprobs | null;
}

/** A complete, non-streamed Chat Completions response. */
export interface ChatCompletion {
  /** The completion's id. */
  id: string;
  /** Always `chat.completion`. */
  object: 'chat.completion';
  /** Unix time in seconds when the completion was created. */
  created: number;
  /** The model that answered. */
  model: string;
  /** The answers; more than one when the request set `n` above 1. */
  choices: ChatCompletionChoice[];
  /** Token counts of the request. */
  usage?: CompletionUsage;
  /**
   * The backend configuration that answered; a change explains different answers to the same
   * `seed`.
   */
  system_fingerprint?: string | null;
  /** The processing tier that served the request. */
  service_tier?: string | null;
}
