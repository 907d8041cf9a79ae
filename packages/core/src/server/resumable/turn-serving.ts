import type { HeaderTarget, RequestView } from '../edge/exchange.js';
import type { ChatCompletionsHandlerOptions } from '../handler-options.js';
import type { TurnStore } from '../turns/turn-store.js';
import { cookieOwner } from './default-owner.js';

/** What an endpoint with a turn store serves turns with. */
export interface TurnServing<Req> {
  readonly store: TurnStore;
  /** The owner of a request: the `owner` option, else the owner cookie. */
  readonly owner: (request: RequestView<Req>, response: HeaderTarget) => Promise<string>;
  /** Whether the creator's client leaving ends the turn. */
  readonly onDisconnect: 'abort' | 'continue';
  readonly keepAliveMs: number | undefined;
}

/** The turn settings of a handler; `undefined` without a turn store (no turns, as before). */
export function resolveTurnServing<Req>(
  options: Pick<
    ChatCompletionsHandlerOptions<Req, unknown>,
    'turnStore' | 'owner' | 'onDisconnect' | 'keepAliveMs'
  >,
): TurnServing<Req> | undefined {
  const { turnStore, owner } = options;
  if (turnStore === undefined) return undefined;
  return {
    store: turnStore,
    owner:
      owner === undefined
        ? async (request, response) => cookieOwner(request, response)
        : async (request) => owner(request.raw),
    onDisconnect: options.onDisconnect ?? 'continue',
    keepAliveMs: options.keepAliveMs,
  };
}
