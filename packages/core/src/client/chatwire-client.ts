import type { ChatCompletionStream } from '../stream/index.js';
import type { ChatCompletionParseParams } from '../structured/chat-completion-parse-params.js';
import type { ParsedChatCompletion } from '../structured/parsed-chat-completion.js';
import type {
  ChatCompletionCreateParams,
  ChatCompletionCreateParamsNonStreaming,
  ChatCompletionCreateParamsStreaming,
} from '../types/index.js';
import type { RequestOptions } from './request-options.js';
import type { ChatCompletionWithMeta } from './response-meta.js';

/** `client.chat.completions`: Portkey's `POST /chat/completions`. */
export interface ChatCompletions {
  /**
   * Creates a chat completion. Resolves to the `ChatCompletion` (with a non-enumerable `meta`)
   * once the whole answer has arrived, or, with `stream: true`, to a `ChatCompletionStream` as
   * soon as the response headers have.
   *
   * @throws {APIError} a subclass by status (`AuthenticationError`, `RateLimitError`, …) once
   * retries are spent; `APIConnectionError` / `APIConnectionTimeoutError` when no answer
   * arrived; `APIUserAbortError` when `signal` aborted.
   */
  create(
    body: ChatCompletionCreateParamsNonStreaming,
    options?: RequestOptions,
  ): Promise<ChatCompletionWithMeta>;
  create(
    body: ChatCompletionCreateParamsStreaming,
    options?: RequestOptions,
  ): Promise<ChatCompletionStream>;
  create(
    body: ChatCompletionCreateParams,
    options?: RequestOptions,
  ): Promise<ChatCompletionWithMeta | ChatCompletionStream>;
  /**
   * Creates a chat completion (not streamed) and reads its structured answer: with a
   * `response_format` made by `zodResponseFormat` or `jsonSchemaResponseFormat`, each message
   * gets `parsed`, checked against the schema and typed from it (`null` when the model refused:
   * see `refusal`); each call of a tool made by `parseableTool` gets
   * `function.parsed_arguments`.
   *
   * @throws {StructuredOutputError} when the answer or a tool's arguments break the schema; it
   * carries the raw text and the issues. Otherwise, as {@link create}.
   */
  parse<T = null>(
    body: ChatCompletionParseParams<T>,
    options?: RequestOptions,
  ): Promise<ParsedChatCompletion<T>>;
}

/** A Portkey client made by `createClient`. */
export interface ChatwireClient {
  /** The Chat Completions API. */
  readonly chat: { readonly completions: ChatCompletions };
  /** The gateway URL calls go to, e.g. `https://api.portkey.ai/v1`. */
  readonly baseURL: string;
  /**
   * Closes the client's pooled keep-alive connections (Node). Calls made afterwards fail.
   * A no-op with a user-supplied `fetch` or `dispatcher`. Closing again resolves with the first
   * close.
   */
  close(): Promise<void>;
}
