import { APIConnectionError, APIError } from '../errors/api-errors.js';
import { parseJSON } from './answer-event.js';
import type {
  ChatTransport,
  ChatTransportRequest,
  ChatTransportResponse,
} from './chat-transport.js';
import { createIdempotencyKey } from './create-idempotency-key.js';
import { RECONNECT_ATTEMPTS } from './defaults.js';
import { readAnswer } from './read-answer.js';
import { reconnectDelay, sleep } from './reconnect-delay.js';

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

/** The response header that names a resumable turn. */
const TURN_ID_HEADER = 'x-chatwire-turn-id';

/**
 * Endpoints that answered with a turn id in this page. Only to them is a POST that failed to
 * connect sent again (with the same `Idempotency-Key`): they attach it to the turn it may have
 * started, where a plain endpoint would generate the answer twice.
 */
const endpointsWithTurns = new Set<string>();

/**
 * A transport that `POST`s `{ messages, stream: true, stream_options: { include_usage: true },
 * ...body }` as JSON, with a fresh `Idempotency-Key`, and reads the OpenAI/Portkey chunk stream
 * of the answer. It works with the chatwire Express and Nest endpoints and with any
 * OpenAI-compatible `/chat/completions` URL.
 *
 * The chunks end at `data: [DONE]`. A body that ends without it is complete only when every
 * choice received a `finish_reason` (several providers behind Portkey send no `[DONE]`), and
 * a `StreamTruncatedError` otherwise. A connection that fails mid-answer is an
 * `APIConnectionError`; Portkey's chunk that carries only `hook_results` is not a chunk of the
 * answer and is left out.
 *
 * When the endpoint records turns (it answers with `x-chatwire-turn-id`), a dropped answer is
 * not an error at first: the transport reconnects with `GET ?turn=<id>` and `Last-Event-ID`,
 * with backoff, and the chunks continue where they stopped. `stop` sends `DELETE ?turn=<id>`.
 */
export function createHttpChatTransport(options: HttpChatTransportOptions = {}): ChatTransport {
  const api = options.api ?? '/api/chat';
  const turnURL = (turnId: string) =>
    `${api}${api.includes('?') ? '&' : '?'}turn=${encodeURIComponent(turnId)}`;

  async function call(url: string, init: RequestInit, signal: AbortSignal): Promise<Response> {
    const fetchImpl = options.fetch ?? globalThis.fetch;
    let response: Response;
    try {
      response = await fetchImpl.call(globalThis, url, {
        ...init,
        credentials: options.credentials,
        signal,
      });
    } catch (error) {
      if (signal.aborted) throw error;
      throw new APIConnectionError({ cause: error });
    }
    if (!response.ok || response.body === null) {
      const text = await response.text().catch(() => '');
      throw APIError.generate(response.status, parseJSON(text), undefined, response.headers);
    }
    return response;
  }

  function answer(
    response: Response,
    request: ChatTransportRequest,
    turnId: string | undefined,
    lastEventId: string | undefined,
  ): ChatTransportResponse {
    const { headers } = response;
    const reopen =
      turnId === undefined
        ? undefined
        : (after: string | undefined) =>
            call(
              turnURL(turnId),
              { headers: followHeaders(request.headers, after) },
              request.signal,
            );
    return {
      traceId: headers.get('x-portkey-trace-id') ?? undefined,
      spanId: headers.get('x-portkey-span-id') ?? undefined,
      cacheStatus: headers.get('x-portkey-cache-status') ?? undefined,
      turnId,
      chunks: readAnswer(response, lastEventId, reopen, request),
    };
  }

  return {
    async send(request) {
      const init: RequestInit = {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'text/event-stream',
          'idempotency-key': createIdempotencyKey(),
          ...request.headers,
        },
        body: JSON.stringify({
          messages: request.messages,
          stream: true,
          stream_options: { include_usage: true },
          ...request.body,
        }),
      };
      for (let attempt = 1; ; attempt++) {
        try {
          const response = await call(api, init, request.signal);
          const turnId = response.headers.get(TURN_ID_HEADER) ?? undefined;
          if (turnId !== undefined) endpointsWithTurns.add(api);
          return answer(response, request, turnId, undefined);
        } catch (error) {
          const again =
            error instanceof APIConnectionError &&
            endpointsWithTurns.has(api) &&
            attempt < RECONNECT_ATTEMPTS;
          if (!again || request.signal.aborted) throw error;
          request.onReconnecting?.();
          await sleep(reconnectDelay(attempt - 1), request.signal);
        }
      }
    },
    async resume(turn, request) {
      const response = await call(
        turnURL(turn.turnId),
        { headers: followHeaders(request.headers, turn.lastEventId) },
        request.signal,
      );
      return answer(response, request, turn.turnId, turn.lastEventId);
    },
    stop(turnId, headers) {
      const fetchImpl = options.fetch ?? globalThis.fetch;
      Promise.resolve()
        .then(() =>
          fetchImpl.call(globalThis, turnURL(turnId), {
            method: 'DELETE',
            headers,
            credentials: options.credentials,
          }),
        )
        .then((response) => response.body?.cancel())
        .catch(() => {});
    },
  };
}

/** The headers of a `GET ?turn=`: the request's, and `Last-Event-ID` when events were seen. */
function followHeaders(
  headers: Record<string, string>,
  lastEventId: string | undefined,
): Record<string, string> {
  const follow: Record<string, string> = { accept: 'text/event-stream', ...headers };
  if (lastEventId !== undefined) follow['last-event-id'] = lastEventId;
  return follow;
}
