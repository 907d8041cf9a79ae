import type { ChatCompletionChunk, CompletionUsage } from '../types/index.js';
import type { ChatImage, ChatMessage, ChatToolCall } from './chat-message.js';
import type { ChatTransport } from './chat-transport.js';
import type { ChatCompletionsClient } from './client-chat-transport.js';

/** What {@link ChatStoreOptions.onToolCall} receives. */
export interface ChatToolCallEvent {
  /** The call, its arguments complete. */
  toolCall: ChatToolCall;
  /** The arguments parsed from JSON; `undefined` when they are not valid JSON. */
  args: unknown;
  /**
   * Aborted when the run is stopped (`stop()`, a new `send`, or the last user of the chat
   * leaving); pass it to `fetch` and other cancellable work. The call is marked `error` then and
   * whatever it returns later is ignored.
   */
  signal: AbortSignal;
}

/** What {@link ChatStoreOptions.onFinish} receives when an answer ends. */
export interface ChatFinishEvent {
  /** The finished assistant message. */
  message: ChatMessage;
  /** Token counts, when the server sent them. */
  usage: CompletionUsage | undefined;
  /** Portkey's trace id of the answer. */
  traceId: string | undefined;
  /** Portkey's cache verdict of the answer. */
  cacheStatus: string | undefined;
}

/** Per-call additions to a request, merged over the store's `body` and `headers`. */
export interface ChatRequestOptions {
  /** Extra body fields for this request only. */
  body?: Record<string, unknown>;
  /** Extra headers for this request only. */
  headers?: Record<string, string>;
}

/** A user message to send: its text, or its text with images for vision models. */
export type ChatInput = string | { text: string; images?: readonly (string | ChatImage)[] };

/** Options of `ChatStore.submit`: the request additions plus images to attach. */
export interface ChatSubmitOptions extends ChatRequestOptions {
  /** Images to send with the input text: `http(s)` or `data:` URLs, or {@link ChatImage}s. */
  images?: readonly (string | ChatImage)[];
}

/** Options of a chat store; all optional. */
export interface ChatStoreOptions {
  /**
   * The chat's id. Stores obtained with `getChatStore` (and hooks) that share an id share one
   * conversation, and with it one set of options: the options last given (by the UI component
   * that rendered most recently, in a framework adapter) are the ones used.
   */
  id?: string;
  /** The endpoint to `POST` to. Defaults to `/api/chat`. */
  api?: string;
  /** The conversation to start with. */
  initialMessages?: readonly ChatMessage[];
  /** The input text to start with. */
  initialInput?: string;
  /**
   * Extra fields of every request body, e.g. `{ model: 'gpt-4o-mini', tools }`. The body sent is
   * `{ messages, stream: true, stream_options: { include_usage: true }, ...body }`.
   */
  body?: Record<string, unknown>;
  /** Extra headers of every request. */
  headers?: Record<string, string>;
  /** The `credentials` mode of the request, e.g. `include` for a cross-origin API with cookies. */
  credentials?: RequestCredentials;
  /** The `fetch` to use; called bound to `globalThis`. Defaults to the global `fetch`. */
  fetch?: typeof fetch;
  /**
   * A client to call directly instead of an endpoint (a chatwire client created with
   * `dangerouslyAllowBrowser`). It exposes its API key to the page: for prototypes only.
   */
  client?: ChatCompletionsClient;
  /** A transport of your own; wins over `api`, `fetch`, `credentials` and `client`. */
  transport?: ChatTransport;
  /**
   * Runs a tool call in the page. Return the result (any JSON value) to send it back to the
   * model automatically, or `undefined` to leave the call for `addToolResult`. A thrown error
   * is sent back as `{ "error": message }`.
   */
  onToolCall?: (event: ChatToolCallEvent) => unknown | Promise<unknown>;
  /**
   * How many times one exchange (a `send`, `regenerate`, `retry` or the `addToolResult` that
   * completes a set of results) may send `onToolCall` results back to the model. Defaults to
   * {@link DEFAULT_MAX_TOOL_ROUNDS} (5);
   * `0` never runs `onToolCall`. The limit is checked before tools run: when the model asks for
   * tools once more, its calls are left unrun (status `ready`), the answer is marked
   * `toolRoundLimitReached` and the chat goes `idle` without an error.
   */
  maxToolRounds?: number;
  /**
   * Called with every chunk as it arrives (not throttled). What it throws is reported (through
   * `reportError` where the platform has it, else as an uncaught error) and does not affect
   * the answer; the same holds for `onFinish` and `onError`.
   */
  onChunk?: (chunk: ChatCompletionChunk) => void;
  /** Called when an answer ends normally. */
  onFinish?: (event: ChatFinishEvent) => void;
  /** Called when a request fails; the error is also in the state. Not called on `stop()`. */
  onError?: (error: Error) => void;
  /**
   * The least time between two updates while tokens stream, in milliseconds. By default one
   * update per animation frame ({@link FRAMELESS_THROTTLE_MS} where there are no frames); `0`
   * updates on every chunk.
   */
  throttleMs?: number;
  /** Makes ids for new messages. */
  generateId?: () => string;
  /**
   * Resumes the answer in flight after a page reload. While an answer of an endpoint that
   * records turns streams, the chat (it needs an `id`) keeps the turn's id and the conversation
   * in `sessionStorage`, cleared when the answer ends or is stopped; the first UI that connects
   * to a chat with the same `id` later in the session shows the conversation again and follows
   * the turn (`GET ?turn=<id>`) from its first event. Only read in the browser.
   */
  resume?: boolean;
  /**
   * How long an answer of an endpoint that records turns may go without an event before the
   * status is `stalled`, in milliseconds. Defaults to {@link DEFAULT_STALL_MS} (15 s).
   */
  stallAfterMs?: number;
}
