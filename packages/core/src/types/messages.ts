import type {
  ChatCompletionContentPart,
  ChatCompletionContentPartRedactedThinking,
  ChatCompletionContentPartRefusal,
  ChatCompletionContentPartText,
  ChatCompletionContentPartThinking,
} from './content-parts.js';
import type { ChatCompletionFunctionCall, ChatCompletionMessageToolCall } from './tools.js';

/** The author of a message. */
export type ChatCompletionRole =
  | 'system'
  | 'developer'
  | 'user'
  | 'assistant'
  | 'tool'
  | 'function';

/** Instructions for the model, set by whoever builds the request. */
export interface ChatCompletionSystemMessageParam {
  /** Always `system`. */
  role: 'system';
  /** The instructions. */
  content: string | ChatCompletionContentPartText[];
  /** A name that tells apart participants of the same role. */
  name?: string;
}

/**
 * Instructions for models that take a `developer` role (newer OpenAI reasoning models). For
 * other models and providers Portkey sends it as a system message.
 */
export interface ChatCompletionDeveloperMessageParam {
  /** Always `developer`. */
  role: 'developer';
  /** The instructions. */
  content: string | ChatCompletionContentPartText[];
  /** A name that tells apart participants of the same role. */
  name?: string;
}

/** A message from the end user: text, or an array of text, image, audio and file parts. */
export interface ChatCompletionUserMessageParam {
  /** Always `user`. */
  role: 'user';
  /**
   * The text of the message, or at least one content part. Several images are sent as several
   * `image_url` parts.
   */
  content: string | ChatCompletionContentPart[];
  /** A name that tells apart participants of the same role. */
  name?: string;
}

/** A part of an assistant message's content array. */
export type ChatCompletionAssistantContentPart =
  | ChatCompletionContentPartText
  | ChatCompletionContentPartRefusal
  | ChatCompletionContentPartThinking
  | ChatCompletionContentPartRedactedThinking;

/** An earlier answer of the model, replayed as conversation history. */
export interface ChatCompletionAssistantMessageParam {
  /** Always `assistant`. */
  role: 'assistant';
  /**
   * What the model said. May be left out or null when the message carries `tool_calls` or
   * `function_call`. An array replays text, refusals and thinking blocks.
   */
  content?: string | ChatCompletionAssistantContentPart[] | null;
  /** A name that tells apart participants of the same role. */
  name?: string;
  /** The refusal the model gave, if it refused. */
  refusal?: string | null;
  /** The tool calls the model made in this turn. */
  tool_calls?: ChatCompletionMessageToolCall[];
  /**
   * The function the model called in this turn.
   * @deprecated Use `tool_calls`.
   */
  function_call?: ChatCompletionFunctionCall | null;
  /** Refers to audio the model produced in an earlier turn, so it need not be sent again. */
  audio?: ChatCompletionAssistantMessageParam.Audio | null;
}

export namespace ChatCompletionAssistantMessageParam {
  /** A reference to an earlier audio answer. */
  export interface Audio {
    /** The `id` of the audio in the earlier response's `message.audio`. */
    id: string;
  }
}

/** The result of a tool call, answering the call with the same `tool_call_id`. */
export interface ChatCompletionToolMessageParam {
  /** Always `tool`. */
  role: 'tool';
  /** The tool's result. */
  content: string | ChatCompletionContentPartText[];
  /** The `id` of the tool call this message answers. */
  tool_call_id: string;
}

/**
 * The result of a function call made through the deprecated `function_call`.
 * @deprecated Use {@link ChatCompletionToolMessageParam} (role `tool`).
 */
export interface ChatCompletionFunctionMessageParam {
  /** Always `function`. */
  role: 'function';
  /** The function's result. */
  content: string | null;
  /** The name of the function that was called. */
  name: string;
}

/** Any message of the conversation sent in a request. */
export type ChatCompletionMessageParam =
  | ChatCompletionSystemMessageParam
  | ChatCompletionDeveloperMessageParam
  | ChatCompletionUserMessageParam
  | ChatCompletionAssistantMessageParam
  | ChatCompletionToolMessageParam
  | ChatCompletionFunctionMessageParam;
