import { ChatRequestError } from '../../errors/chat-request-error.js';
import type { HeaderTarget, RequestView } from '../edge/exchange.js';

/** What a request to an endpoint with a turn store asks for. */
export type TurnRoute =
  /** A POST without `Idempotency-Key`: served as an OpenAI endpoint, nothing recorded. */
  | { readonly kind: 'plain' }
  /** A POST with `Idempotency-Key`: create the turn of that key, or attach to it. */
  | { readonly kind: 'create'; readonly key: string }
  /** A GET of `?turn=`: the events after `after` (`Last-Event-ID`), then follow. */
  | { readonly kind: 'resume'; readonly turnId: string; readonly after: string | undefined }
  /** A DELETE of `?turn=`: stop the turn wherever it runs. */
  | { readonly kind: 'stop'; readonly turnId: string };

/** 1 to 255 visible ASCII characters, as the idempotency key header draft allows. */
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

const TURN_METHODS = 'GET, POST, DELETE';

function badRequest(message: string, code: string, param: string | null = null): ChatRequestError {
  return new ChatRequestError({ status: 400, message, code, param });
}

function turnIdOf(query: URLSearchParams): string {
  const turnId = query.get('turn');
  if (turnId === null || turnId === '') {
    throw badRequest('Name the turn with the `turn` query parameter.', 'turn_required', 'turn');
  }
  return turnId;
}

/**
 * The method step of an endpoint with a turn store: POST (plain or with a key), GET and DELETE
 * of `?turn=`; other methods get 405 naming the three.
 */
export function turnRoute(request: RequestView<unknown>, response: HeaderTarget): TurnRoute {
  const method = request.method;
  if (method === 'POST') {
    const key = request.header('idempotency-key');
    if (key === undefined) return { kind: 'plain' };
    if (!IDEMPOTENCY_KEY.test(key)) {
      throw badRequest(
        'The Idempotency-Key header must be 1 to 255 visible ASCII characters.',
        'invalid_idempotency_key',
      );
    }
    return { kind: 'create', key };
  }
  const query = new URL(request.url, 'http://localhost').searchParams;
  if (method === 'GET') {
    const after = request.header('last-event-id') ?? query.get('lastEventId') ?? undefined;
    return { kind: 'resume', turnId: turnIdOf(query), after: after === '' ? undefined : after };
  }
  if (method === 'DELETE') return { kind: 'stop', turnId: turnIdOf(query) };
  response.setHeader('allow', TURN_METHODS);
  throw new ChatRequestError({
    status: 405,
    message: `Method ${method ?? ''} is not allowed; use ${TURN_METHODS}.`,
    code: 'method_not_allowed',
  });
}
