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
}

/** A started answer. */
export interface ChatTransportResponse {
  /** Portkey's trace id (`x-portkey-trace-id`), when the server sent one. */
  traceId: string | undefined;
  /** Portkey's cache verdict (`x-portkey-cache-status`), when the server sent one. */
  cacheStatus: string | undefined;
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
}
