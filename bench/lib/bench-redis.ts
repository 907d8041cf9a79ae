import { RedisTurnStore } from '@chatwire/redis';
import { createClient, type RedisClientType } from 'redis';
import {
  type RedisServer,
  startRedisServer,
} from '../../packages/redis/test/support/redis-server.js';

/** A `redis-server` of this machine for a benchmark, and stores on it that it closes with it. */
export interface BenchRedis {
  readonly server: RedisServer;
  /** A turn store on this Redis; `ttlMs` keeps ended turns from piling up over the runs. */
  turnStore(ttlMs: number): RedisTurnStore;
  /** A connected client of this Redis, for a peer that takes clients. */
  client(): Promise<RedisClientType>;
  /** How many connections Redis has accepted since it started. */
  connectionsReceived(): Promise<number>;
  close(): Promise<void>;
}

/** Starts Redis on a free loopback port, with no persistence. */
export async function startBenchRedis(): Promise<BenchRedis> {
  const server = await startRedisServer();
  const stores: RedisTurnStore[] = [];
  const clients: RedisClientType[] = [];
  const client = async () => {
    const connected = createClient({ url: server.url });
    connected.on('error', () => {});
    await connected.connect();
    clients.push(connected);
    return connected;
  };
  const admin = await client();
  return {
    server,
    turnStore: (ttlMs) => {
      const store = new RedisTurnStore({ client: createClient({ url: server.url }), ttlMs });
      stores.push(store);
      return store;
    },
    client,
    connectionsReceived: async () => {
      const stats = await admin.info('stats');
      return Number(/total_connections_received:(\d+)/.exec(stats)?.[1]);
    },
    close: async () => {
      for (const store of stores) await store.close();
      for (const connected of clients) connected.destroy();
      await server.close();
    },
  };
}
