import type { ChatCompletionChunk, ChatCompletionCreateParamsStreaming } from '../types/index.js';
import type {
  ChatTransport,
  ChatTransportRequest,
  ChatTransportResponse,
} from './chat-transport.js';

/**
 * The part of a chat completions client the chat store uses: a chatwire client created with
 * `dangerouslyAllowBrowser`, or an OpenAI-compatible client with the same method.
 */
export interface ChatCompletionsClient {
  /** The Chat Completions resource. */
  chat: {
    completions: {
      /** Starts a streamed completion; resolves to an async iterable of chunks. */
      create(
        body: ChatCompletionCreateParamsStreaming,
        options?: { signal?: AbortSignal; headers?: Record<string, string> },
      ): PromiseLike<
        AsyncIterable<ChatCompletionChunk> & {
          meta?: { traceId?: string | null; cacheStatus?: string | null };
        }
      >;
    };
  };
}

/**
 * A transport that calls a client directly from the browser. The client then holds the API key
 * in the page, so this is for prototypes; production apps send to their own endpoint.
 *
 * It asks for `{ stream_options: { include_usage: true }, ...body, messages, stream: true }`,
 * as the HTTP transport does, so that answers carry their token usage.
 */
export function createClientChatTransport(client: ChatCompletionsClient): ChatTransport {
  return {
    async send(request: ChatTransportRequest): Promise<ChatTransportResponse> {
      const stream = await client.chat.completions.create(
        {
          stream_options: { include_usage: true },
          ...(request.body as Omit<ChatCompletionCreateParamsStreaming, 'messages' | 'stream'>),
          messages: request.messages,
          stream: true,
        },
        { signal: request.signal, headers: request.headers },
      );
      return {
        traceId: stream.meta?.traceId ?? undefined,
        cacheStatus: stream.meta?.cacheStatus ?? undefined,
        chunks: stream,
      };
    },
  };
}
