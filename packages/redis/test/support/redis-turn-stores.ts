import type { TurnStoreOptions } from '@chatwire/core/server';
import { createClient } from 'redis';
import type { TurnStorePair } from '../../../core/test/support/turn-store-contract.js';
import { RedisTurnStore } from '../../src/index.js';

let prefixes = 0;

/**
 * Two store instances on `url`, each with a client of its own, as two servers would have, under
 * a key prefix no other pair uses.
 */
export async function redisTurnStores(
  url: string,
  options: TurnStoreOptions,
): Promise<TurnStorePair> {
  prefixes += 1;
  const keyPrefix = `test${process.pid}-${prefixes}:`;
  const store = () => new RedisTurnStore({ client: createClient({ url }), keyPrefix, ...options });
  return { first: store(), second: store() };
}
