import type { ChatCompletionFinishReason, CompletionUsage } from '../types/index.js';

/** The author of a message shown in a chat. Tool results live on the assistant's tool calls. */
export type ChatMessageRole = 'system' | 'user' | 'assistant';

/** An image attached to a user message, sent to vision models as an `image_url` part. */
export interface ChatImage {
  /** An `http(s)` URL or a base64 `data:` URL. */
  url: string;
  /** How closely the model looks: `low`, `high` or `auto` (the provider's default). */
  detail?: 'auto' | 'low' | 'high';
}

/**
 * Where a tool call stands: `streaming` while its arguments arrive, `ready` when they are
 * complete and no result exists yet (also when `maxToolRounds` left it unrun), `running` while
 * `onToolCall` works on it, `done` with a result, `error` when running it failed or was stopped
 * (`stop()`, or the last user of the chat leaving) before it finished.
 */
export type ChatToolCallStatus = 'streaming' | 'ready' | 'running' | 'done' | 'error';

/** A tool call the model made, as the interface shows it. */
export interface ChatToolCall {
  /** The call's id; the tool result sent back carries it. */
  id: string;
  /** The function the model called. */
  name: string;
  /** The arguments as JSON text; it grows while the call streams. */
  arguments: string;
  /** Where the call stands. */
  status: ChatToolCallStatus;
  /** The result sent back to the model, once `status` is `done`. */
  result?: unknown;
  /** Why running the call failed, when `status` is `error`; sent back to the model. */
  error?: string;
}

/** One message of a chat, as the interface shows it. */
export interface ChatMessage {
  /** A unique id, stable for the life of the message (a good React `key`). */
  id: string;
  /** Who wrote it. */
  role: ChatMessageRole;
  /** The text; for an answer, the text received so far. */
  content: string;
  /** Images sent with a user message. */
  images?: ChatImage[];
  /** Tool calls of an assistant message, with their status and results. */
  toolCalls?: ChatToolCall[];
  /** The refusal text, when the model refused to answer. */
  refusal?: string;
  /** Token counts of the answer, when the server sent them (`stream_options.include_usage`). */
  usage?: CompletionUsage;
  /** Why the model stopped, once the answer finished. */
  finishReason?: ChatCompletionFinishReason;
  /** Portkey's trace id of the answer (`x-portkey-trace-id`), for finding it in Portkey's logs. */
  traceId?: string;
  /**
   * The span id of the server's upstream call in Portkey's trace (`x-portkey-span-id`), with
   * `traceId` the place of the answer in the trace, the server's logs and its OpenTelemetry
   * spans.
   */
  spanId?: string;
  /**
   * Portkey's cache verdict for the answer (`x-portkey-cache-status`): `HIT`, `SEMANTIC HIT`,
   * `MISS`, `SEMANTIC MISS`, `DISABLED` or `REFRESH`.
   */
  cacheStatus?: string;
  /** The model that answered. */
  model?: string;
  /** Milliseconds from sending the request to the end of the answer. */
  latencyMs?: number;
  /** True when the answer stopped early: stopped by the user, or cut off by an error. */
  partial?: boolean;
  /** The message of the error that cut the answer off. */
  error?: string;
  /**
   * True when the answer asked for tools but `maxToolRounds` results had already been sent back
   * to the model in this exchange: its tool calls were left unrun (status `ready`). Answer them
   * with `addToolResult` to continue, or ask the user.
   */
  toolRoundLimitReached?: boolean;
}

/** `true` once a tool call has a result or an error to send back to the model. */
export function isToolCallSettled(call: ChatToolCall): boolean {
  return call.status === 'done' || call.status === 'error';
}
