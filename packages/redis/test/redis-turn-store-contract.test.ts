import { afterAll, beforeAll } from 'vitest';
import { describeTurnStoreContract } from '../../core/test/support/turn-store-contract.js';
import { type RedisServer, startRedisServer } from './support/redis-server.js';
import { redisTurnStores } from './support/redis-turn-stores.js';

let server: RedisServer;
beforeAll(async () => {
  server = await startRedisServer();
});
afterAll(() => server.close());

describeTurnStoreContract('Redis', (options) => redisTurnStores(server.url, options));
// Followers on the producer's own instance read what it recorded from memory.
describeTurnStoreContract('Redis, one instance', async (options) => {
  const { first } = await redisTurnStores(server.url, options);
  return { first, second: first };
});
