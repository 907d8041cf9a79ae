import type { ChatCompletionWithMeta } from '../client/response-meta.js';
import type {
  ChatCompletionChoice,
  ChatCompletionFunctionCall,
  ChatCompletionMessage,
  ChatCompletionMessageToolCall,
} from '../types/index.js';

/** A tool call whose arguments were checked, when its tool was made with `parseableTool`. */
export interface ParsedFunctionToolCall extends ChatCompletionMessageToolCall {
  /** The function called, its raw arguments and, for a parseable tool, the checked ones. */
  function: ChatCompletionFunctionCall & {
    /** The arguments as the tool's zod schema outputs them; absent for other tools. */
    parsed_arguments?: unknown;
  };
}

/** An answer's message with its structured content read. */
export interface ParsedChatCompletionMessage<T> extends ChatCompletionMessage {
  /**
   * The content checked against the response format, or `null` when the model refused (see
   * `refusal`), only called tools, or the format was not made by `zodResponseFormat` /
   * `jsonSchemaResponseFormat`.
   */
  parsed: T | null;
  /** The tool calls the model made. */
  tool_calls?: ParsedFunctionToolCall[];
}

/** One of the answers of a {@link ParsedChatCompletion}. */
export interface ParsedChatCompletionChoice<T> extends ChatCompletionChoice {
  /** The message, with `parsed`. */
  message: ParsedChatCompletionMessage<T>;
}

/** What `client.chat.completions.parse` resolves to: the completion with its answers read. */
export interface ParsedChatCompletion<T> extends ChatCompletionWithMeta {
  /** The answers, each with `message.parsed`. */
  choices: ParsedChatCompletionChoice<T>[];
}
