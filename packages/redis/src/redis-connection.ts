import type { ResolvedTurnStoreOptions } from '@chatwire/core/server';
import type { createClient } from 'redis';
import type { RedisKeys } from './redis-keys.js';

/** A node-redis client, as `createClient` from `redis` makes it. */
export type RedisClient = ReturnType<typeof createClient>;

/** What the parts of the Redis turn store share. */
export interface RedisTurnContext {
  /** The connection for every non-blocking command. */
  commands: RedisClient;
  keys: RedisKeys;
  options: ResolvedTurnStoreOptions;
  /** How long a follower's blocking read waits before it checks the producer's liveness. */
  blockMs: number;
  /** Runs a Lua script on `commands` with `keys` and `args`. */
  run(script: string, keys: string[], args: string[]): Promise<unknown>;
}

/** Milliseconds a running turn's keys live past the producer's last sign of life. */
export function runningTtlMs(options: ResolvedTurnStoreOptions): number {
  return options.producerTimeoutMs + options.ttlMs;
}
