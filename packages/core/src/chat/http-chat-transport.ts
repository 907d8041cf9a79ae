import { APIConnectionError, APIError } from '../errors/api-errors.js';
import { ChatwireError } from '../errors/chatwire-error.js';
import { StreamTruncatedError } from '../errors/stream-truncated-error.js';
import { createSSEDecoder } from '../sse/create-sse-decoder.js';
import type { ServerSentEvent } from '../sse/server-sent-event.js';
import { ChatCompletionAccumulator } from '../stream/chat-completion-accumulator.js';
import type { ChatCompletionChunk } from '../types/index.js';
import type {
  ChatTransport,
  ChatTransportRequest,
  ChatTransportResponse,
} from './chat-transport.js';

/** Options of {@link createHttpChatTransport}. */
export interface HttpChatTransportOptions {
  /** The endpoint that answers with a Chat Completions SSE stream. Defaults to `/api/chat`. */
  api?: string;
  /**
   * The `fetch` to call, e.g. one that adds authentication. Always called as
   * `fetch.call(globalThis, …)`, so a bare `window.fetch` works. Defaults to the global `fetch`.
   */
  fetch?: typeof fetch;
  /** The request's `credentials` mode (`same-origin` by default in browsers). */
  credentials?: RequestCredentials;
}

/**
 * A transport that `POST`s `{ messages, stream: true, stream_options: { include_usage: true },
 * ...body }` as JSON and reads the OpenAI/Portkey chunk stream of the answer. It works with the
 * chatwire Express and Nest endpoints and with any OpenAI-compatible `/chat/completions` URL.
 *
 * The chunks end at `data: [DONE]`. A body that ends without it is complete only when every
 * choice received a `finish_reason` (several providers behind Portkey send no `[DONE]`), and
 * a `StreamTruncatedError` otherwise. A connection that fails mid-answer is an
 * `APIConnectionError`; Portkey's chunk that carries only `hook_results` is not a chunk of the
 * answer and is left out.
 */
export function createHttpChatTransport(options: HttpChatTransportOptions = {}): ChatTransport {
  return {
    async send(request: ChatTransportRequest): Promise<ChatTransportResponse> {
      const fetchImpl = options.fetch ?? globalThis.fetch;
      let response: Response;
      try {
        response = await fetchImpl.call(globalThis, options.api ?? '/api/chat', {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            accept: 'text/event-stream',
            ...request.headers,
          },
          body: JSON.stringify({
            messages: request.messages,
            stream: true,
            stream_options: { include_usage: true },
            ...request.body,
          }),
          credentials: options.credentials,
          signal: request.signal,
        });
      } catch (error) {
        if (request.signal.aborted) throw error;
        throw new APIConnectionError({ cause: error });
      }
      const headers = response.headers;
      if (!response.ok || response.body === null) {
        const text = await response.text().catch(() => '');
        throw APIError.generate(response.status, parseJSON(text), undefined, headers);
      }
      return {
        traceId: headers.get('x-portkey-trace-id') ?? undefined,
        cacheStatus: headers.get('x-portkey-cache-status') ?? undefined,
        chunks: readChunks(response.body, headers, request.signal),
      };
    },
  };
}

async function* readChunks(
  body: ReadableStream<Uint8Array>,
  headers: Headers,
  signal: AbortSignal,
): AsyncGenerator<ChatCompletionChunk, void, undefined> {
  const accumulator = new ChatCompletionAccumulator();
  // The push decoder over a plain reader loop keeps the browser bundle small; aborting the
  // request's signal already ends a pending read of a fetch body.
  const events: ServerSentEvent[] = [];
  const decoder = createSSEDecoder((event) => {
    events.push(event);
  });
  const reader = body.getReader();
  try {
    for (let done = false; !done; ) {
      const read = await reader.read();
      done = read.done;
      if (read.done) decoder.end();
      else decoder.push(read.value);
      for (const event of events.splice(0)) {
        if (event.event === 'error') {
          throw APIError.generate(undefined, parseJSON(event.data), undefined, headers);
        }
        if (event.data === '[DONE]') return;
        const chunk = toChunk(parseJSON(event.data), headers);
        if (chunk === undefined) continue;
        accumulator.add(chunk);
        yield chunk;
      }
    }
  } catch (error) {
    if (error instanceof ChatwireError || signal.aborted) throw error;
    throw new APIConnectionError({ cause: error });
  } finally {
    reader.cancel().catch(() => {});
  }
  if (!accumulator.allChoicesFinished) throw new StreamTruncatedError(accumulator.completion);
}

/**
 * The chunk an event's payload carries, or `undefined` for a payload that is none: not a JSON
 * object, or Portkey's leading chunk with only the guardrails' `hook_results`.
 */
function toChunk(payload: unknown, headers: Headers): ChatCompletionChunk | undefined {
  if (payload === null || typeof payload !== 'object') return undefined;
  const data = payload as Record<string, unknown>;
  if (Array.isArray(data.choices)) return data as unknown as ChatCompletionChunk;
  if (data.error !== undefined) throw APIError.generate(undefined, data, undefined, headers);
  if (data.hook_results !== undefined) return undefined;
  return { ...data, choices: [] } as unknown as ChatCompletionChunk;
}

function parseJSON(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
