import type {
  ChatCompletion,
  ChatCompletionChunk,
  ChatCompletionCreateParamsNonStreaming,
  ChatCompletionCreateParamsStreaming,
  ChatCompletionMessageParam,
} from '../types/index.js';
import type { RunnableTool } from './runnable-tool.js';
import type { ToolCallEvent, ToolResultEvent } from './tool-execution.js';

/**
 * Anything with `chat.completions.create` answering non-streamed requests: a chatwire client,
 * or an adapter around another one.
 *
 * @typeParam Options The per-request options `create` takes as its second argument.
 */
export interface ToolLoopClient<Options> {
  chat: {
    completions: {
      create(
        body: ChatCompletionCreateParamsNonStreaming,
        options?: Options,
      ): PromiseLike<ChatCompletion>;
    };
  };
}

/**
 * Anything with `chat.completions.create` answering `stream: true` requests with an async
 * iterable of chunks: a chatwire client, or an adapter around another one.
 *
 * @typeParam Options The per-request options `create` takes as its second argument.
 */
export interface StreamingToolLoopClient<Options> {
  chat: {
    completions: {
      create(
        body: ChatCompletionCreateParamsStreaming,
        options?: Options,
      ): PromiseLike<AsyncIterable<ChatCompletionChunk>>;
    };
  };
}

/**
 * The request of a tool loop: every Chat Completions parameter except `tools` (given as
 * runnable tools in the options instead) and `stream` (chosen by the function called).
 */
export type ToolLoopBody = Omit<ChatCompletionCreateParamsNonStreaming, 'tools' | 'stream'>;

/** Options of `runTools` and `runToolsStream`, beside the client's per-request options. */
export interface ToolLoopOptions {
  /** The tools the model may call, with their implementations. */
  tools: readonly RunnableTool[];
  /**
   * The most requests the loop sends. When the answer to the last one still calls tools, the
   * loop throws a `ToolRoundLimitError` (without running those calls) instead of returning an
   * answer that is not one. Defaults to {@link DEFAULT_MAX_ROUNDS} (10).
   */
  maxRounds?: number;
  /** Called when a tool call is about to run (calls of one round run concurrently). */
  onToolCall?: (event: ToolCallEvent) => void;
  /** Called when a tool call has run, with the message sent back to the model. */
  onToolResult?: (event: ToolResultEvent) => void;
}

/** What a finished tool loop returns. */
export interface RunToolsResult {
  /** The model's final answer: the first one without tool calls. */
  completion: ChatCompletion;
  /**
   * The whole conversation: the request's messages, then every assistant message and tool
   * result of the loop, ending with the final assistant message. Send it back with the next
   * user message to continue the conversation.
   */
  messages: ChatCompletionMessageParam[];
  /** Every round's completion, in order (the last is `completion`); sum their `usage` for cost. */
  completions: ChatCompletion[];
}
