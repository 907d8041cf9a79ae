import type { ChatCompletionMessageParam } from './messages.js';
import type { ChatModel } from './models.js';
import type { ResponseFormat } from './response-format.js';
import type {
  ChatCompletionFunction,
  ChatCompletionFunctionCallOption,
  ChatCompletionTool,
  ChatCompletionToolChoiceOption,
} from './tools.js';

/** Options of a streamed response. Only meaningful with `stream: true`. */
export interface ChatCompletionStreamOptions {
  /**
   * When true, one more chunk is sent just before `data: [DONE]`: its `usage` holds the token
   * counts of the whole request and its `choices` is empty. Every other chunk then carries
   * `usage: null`.
   */
  include_usage?: boolean;
}

/**
 * Extended thinking for Claude models on Anthropic, Vertex AI and Bedrock. Portkey only passes
 * it on with strict OpenAI compliance turned off.
 */
export interface ChatCompletionThinkingParam {
  /** Turns thinking on or off. Defaults to `disabled`. */
  type: 'enabled' | 'disabled';
  /** The most tokens the model may spend thinking, at least 1. A larger budget can think longer. */
  budget_tokens?: number;
}

/** The voice and encoding of an audio answer, for `modalities: ['text', 'audio']`. */
export interface ChatCompletionAudioParam {
  /** The voice the model speaks with, e.g. `alloy`. */
  voice: string;
  /** The encoding of the audio returned. */
  format: 'wav' | 'aac' | 'mp3' | 'flac' | 'opus' | 'pcm16';
}

/** Output the model is expected to largely repeat (Predicted Outputs), which speeds it up. */
export interface ChatCompletionPredictionContent {
  /** Always `content`. */
  type: 'content';
  /** The predicted text, or text parts. */
  content: string | Array<{ type: 'text'; text: string }>;
}

/** How much effort a reasoning model puts into thinking before it answers. */
export type ChatCompletionReasoningEffort = 'minimal' | 'low' | 'medium' | 'high';

/** The processing tier asked of the provider. */
export type ChatCompletionServiceTier = 'auto' | 'default' | 'flex' | 'scale' | 'priority';

/**
 * Every parameter of a Chat Completions request except `stream`, as Portkey documents it, plus
 * the OpenAI parameters Portkey forwards to providers that accept them.
 *
 * Parameters of other providers are not listed here. Add them to a request by widening its type
 * with an intersection, for example `ChatCompletionCreateParamsNonStreaming & { top_k?: number }`,
 * or for a whole program by augmenting this interface.
 */
export interface ChatCompletionCreateParamsBase {
  /** The conversation so far, oldest first; at least one message. */
  messages: ChatCompletionMessageParam[];
  /** The model to use, as the provider names it. */
  model: ChatModel | (string & {});
  /**
   * Penalises tokens by how often they already occur, making verbatim repetition less likely.
   * Between -2.0 and 2.0; defaults to 0.
   */
  frequency_penalty?: number | null;
  /**
   * Maps token ids to a bias from -100 to 100 added to their logits before sampling: small
   * values nudge, -100 or 100 in effect ban or force a token. Defaults to none.
   */
  logit_bias?: Record<string, number> | null;
  /**
   * When true, the log probability of each output token is returned in `choices[].logprobs`.
   * Defaults to false.
   */
  logprobs?: boolean | null;
  /**
   * How many most likely alternatives to return at each token position, from 0 to 20. Needs
   * `logprobs: true`.
   */
  top_logprobs?: number | null;
  /**
   * The most tokens the completion may have. Reasoning models (o-series, GPT-5) refuse it.
   * @deprecated Use `max_completion_tokens`.
   */
  max_tokens?: number | null;
  /**
   * The most tokens the completion may have, counting visible output and reasoning tokens.
   * Required by reasoning models; accepted by the others in place of `max_tokens`.
   */
  max_completion_tokens?: number | null;
  /**
   * How many choices to generate, from 1 to 128; defaults to 1. Every choice's tokens are
   * billed.
   */
  n?: number | null;
  /**
   * Penalises tokens that already occurred at all, pushing the model towards new topics.
   * Between -2.0 and 2.0; defaults to 0.
   */
  presence_penalty?: number | null;
  /**
   * The format of the answer: `json_schema` for output matching a schema (Structured Outputs,
   * preferred where supported), `json_object` for any valid JSON, `text` by default.
   */
  response_format?: ResponseFormat;
  /**
   * Asks for deterministic sampling on a best-effort basis: the same seed and parameters should
   * give the same answer. A 64-bit signed integer. Compare `system_fingerprint` across
   * responses to notice backend changes.
   */
  seed?: number | null;
  /** One string, or up to 4, at which generation stops. Defaults to none. */
  stop?: string | string[] | null;
  /** Options of a streamed response; set only with `stream: true`. Defaults to null. */
  stream_options?: ChatCompletionStreamOptions | null;
  /**
   * Extended thinking for Claude models on Anthropic, Vertex AI and Bedrock; needs strict
   * OpenAI compliance turned off.
   */
  thinking?: ChatCompletionThinkingParam | null;
  /**
   * Sampling temperature from 0 to 2; defaults to 1. Higher is more varied, lower more
   * focused. Change this or `top_p`, not both.
   */
  temperature?: number | null;
  /**
   * Nucleus sampling from 0 to 1; defaults to 1. Only tokens within the top `top_p`
   * probability mass are considered (0.1 means the top 10%). Change this or `temperature`, not
   * both.
   */
  top_p?: number | null;
  /** The functions the model may call, at most 128. */
  tools?: ChatCompletionTool[];
  /**
   * Which tool the model calls, if any. Defaults to `none` without `tools` and `auto` with
   * them.
   */
  tool_choice?: ChatCompletionToolChoiceOption;
  /** Whether the model may call several tools in one turn. Defaults to true. */
  parallel_tool_calls?: boolean;
  /** A stable id of your end user, which helps the provider detect abuse. */
  user?: string;
  /**
   * Which function the model calls, if any: `none`, `auto` or a named function. Defaults to
   * `none` without `functions` and `auto` with them.
   * @deprecated Use `tool_choice`.
   */
  function_call?: 'none' | 'auto' | ChatCompletionFunctionCallOption;
  /**
   * The functions the model may call, 1 to 128.
   * @deprecated Use `tools`.
   */
  functions?: ChatCompletionFunction[];
  /**
   * Output kinds wanted: `['text']` by default, `['text', 'audio']` for a spoken answer on
   * audio-capable models (then also set `audio`).
   */
  modalities?: Array<'text' | 'audio'> | null;
  /** Voice and encoding of the spoken answer, with `modalities: ['text', 'audio']`. */
  audio?: ChatCompletionAudioParam | null;
  /** Text the answer is expected to largely repeat, which speeds up generation. */
  prediction?: ChatCompletionPredictionContent | null;
  /** Thinking effort of reasoning models; the provider's default is `medium`. */
  reasoning_effort?: ChatCompletionReasoningEffort | null;
  /** The processing tier asked of the provider; defaults to `auto`. */
  service_tier?: ChatCompletionServiceTier | null;
  /** Whether the provider stores the completion (OpenAI stored completions). Defaults to false. */
  store?: boolean | null;
  /**
   * Up to 16 string pairs stored with the completion by the provider. Portkey's own request
   * metadata goes in the `x-portkey-metadata` header instead.
   */
  metadata?: Record<string, string> | null;
}

/** A request answered with one complete `ChatCompletion` body. */
export interface ChatCompletionCreateParamsNonStreaming extends ChatCompletionCreateParamsBase {
  /** Leave out, or set to false or null, for a single response body. Defaults to false. */
  stream?: false | null;
}

/**
 * A request answered with server-sent events, each a `ChatCompletionChunk`, ending with
 * `data: [DONE]`.
 */
export interface ChatCompletionCreateParamsStreaming extends ChatCompletionCreateParamsBase {
  /** Streams the answer as it is generated. */
  stream: true;
}

/** A Chat Completions request, streamed or not. */
export type ChatCompletionCreateParams =
  | ChatCompletionCreateParamsNonStreaming
  | ChatCompletionCreateParamsStreaming;
