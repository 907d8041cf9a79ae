import type { ChatCompletionChunk, ChatCompletionMessageParam } from '../types/index.js';

/** What the chat store asks a transport to send. */
export interface ChatTransportRequest {
  /** The conversation, converted to Chat Completions messages. */
  messages: ChatCompletionMessageParam[];
  /** Extra body fields (`model`, `tools`, …), the store's and the call's merged. */
  body: Record<string, unknown>;
  /** Extra request headers, the store's and the call's merged. */
  headers: Record<string, string>;
  /** Aborted when the user stops, sends again, or the last user of the store leaves. */
  signal: AbortSignal;
  /**
   * Told when the connection of a resumable turn dropped and the transport is reconnecting;
   * the next chunk means it is streaming again.
   */
  onReconnecting?: () => void;
}

/** A resumable turn, as the endpoint named it (`x-chatwire-turn-id`). */
export interface ChatTurn {
  /** The turn's id. */
  turnId: string;
  /** The SSE id of the last event received, to resume after; `undefined` to replay from the start. */
  lastEventId: string | undefined;
}

/** A started answer. */
export interface ChatTransportResponse {
  /** Portkey's trace id (`x-portkey-trace-id`), when the server sent one. */
  traceId: string | undefined;
  /** Portkey's cache verdict (`x-portkey-cache-status`), when the server sent one. */
  cacheStatus: string | undefined;
  /**
   * The span id of the server's upstream call in Portkey's trace (`x-portkey-span-id`), when
   * the server sent one.
   */
  spanId?: string | undefined;
  /** The turn's id when the endpoint records turns (`x-chatwire-turn-id`); else `undefined`. */
  turnId?: string | undefined;
  /**
   * The answer's chunks. Iteration ends normally only when the answer is complete; it throws
   * on an error event, on a truncated stream (`StreamTruncatedError`; its partial completion
   * may be empty, the store fills it in) and on a failed connection.
   */
  chunks: AsyncIterable<ChatCompletionChunk>;
}

/**
 * Carries a chat request to a server and streams the answer back. The store ships two:
 * `createHttpChatTransport` (POST to an endpoint, the default) and `createClientChatTransport`
 * (a chatwire or OpenAI client called from the browser).
 */
export interface ChatTransport {
  /**
   * Sends the request; resolves once the answer has started, and rejects (with an `APIError`
   * for HTTP errors) when it cannot.
   */
  send(request: ChatTransportRequest): Promise<ChatTransportResponse>;
  /**
   * Follows a turn already in flight (after a page reload), from after `turn.lastEventId`.
   * Transports without resumable turns leave it out.
   */
  resume?(turn: ChatTurn, request: ChatTransportRequest): Promise<ChatTransportResponse>;
  /**
   * Asks the endpoint to stop a turn, with the request headers (e.g. authentication); fire and
   * forget, failures are ignored.
   */
  stop?(turnId: string, headers: Record<string, string>): void;
}
