import type { RequestView, ResponseSink } from '../edge/exchange.js';
import { followTurn } from './follow-turn.js';
import { turnRequestError } from './turn-request-error.js';
import type { TurnRoute } from './turn-route.js';
import type { TurnServing } from './turn-serving.js';

type TurnRead = Extract<TurnRoute, { kind: 'resume' | 'stop' }>;

/**
 * Serves a GET (resume: the events after `Last-Event-ID`, then follow until the end) or a
 * DELETE (stop the turn wherever it runs; answers `{ id, status }`) of `?turn=`, for its
 * owner only. Store refusals are thrown as the answers they map to (404, 503, 400).
 */
export async function serveTurnRequest<Req>(
  route: TurnRead,
  turns: TurnServing<Req>,
  request: RequestView<Req>,
  response: ResponseSink<unknown>,
  signal: AbortSignal,
): Promise<void> {
  const { store, keepAliveMs } = turns;
  try {
    const owner = await turns.owner(request, response);
    if (route.kind === 'stop') {
      const { id, status } = await store.stop(route.turnId, owner);
      response.sendJson(200, JSON.stringify({ id, status }));
      return;
    }
    const entries = await store.follow(route.turnId, owner, { after: route.after, signal });
    await followTurn(route.turnId, entries, { response, keepAliveMs });
  } catch (error) {
    throw turnRequestError(error);
  }
}
