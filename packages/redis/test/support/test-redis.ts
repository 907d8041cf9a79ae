import { createClient } from 'redis';
import { onTestFinished } from 'vitest';
import { RedisTurnStore, type RedisTurnStoreOptions } from '../../src/index.js';
import { startRedisServer } from './redis-server.js';

/**
 * A Redis server of this test alone and a client to read its keys and counters with, both
 * stopped when the test finishes.
 */
export async function testRedis() {
  const server = await startRedisServer();
  onTestFinished(() => server.close());
  const admin = createClient({ url: server.url });
  admin.on('error', () => {});
  await admin.connect();
  onTestFinished(() => admin.destroy());
  return { server, admin };
}

/** A turn store on the Redis at `url`, closed when the test finishes. */
export function storeOn(
  url: string,
  options: Omit<RedisTurnStoreOptions, 'client'> = {},
): RedisTurnStore {
  const store = new RedisTurnStore({ client: createClient({ url }), ...options });
  onTestFinished(() => store.close());
  return store;
}
