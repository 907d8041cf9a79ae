import type { ResolvedTurnStoreOptions } from '@chatwire/core/server';
import {
  createClient,
  type RedisClientType,
  type RedisFunctions,
  type RedisModules,
  type RespVersions,
  type TypeMapping,
} from 'redis';
import type { FollowerReaders } from './follower-readers.js';
import type { RedisKeys } from './redis-keys.js';
import { TURN_SCRIPTS } from './turn-scripts.js';

/** A node-redis client, as `createClient` from `redis` makes it. */
export type RedisClient = ReturnType<typeof createClient>;

/** A connection with the settings of `client` on which the turn scripts are commands. */
export function turnCommandsLike(client: RedisClient): TurnCommands {
  return createClient({ ...client.options, scripts: TURN_SCRIPTS });
}

/** The store's connection for every non-blocking command, with the turn scripts. */
export type TurnCommands = RedisClientType<
  RedisModules,
  RedisFunctions,
  typeof TURN_SCRIPTS,
  RespVersions,
  TypeMapping
>;

/** What the parts of the Redis turn store share. */
export interface RedisTurnContext {
  /** The connection for every non-blocking command. */
  commands: TurnCommands;
  /** The connections followers wait for new events on. */
  readers: FollowerReaders;
  keys: RedisKeys;
  options: ResolvedTurnStoreOptions;
}

/** Milliseconds a running turn's keys live past the producer's last sign of life. */
export function runningTtlMs(options: ResolvedTurnStoreOptions): number {
  return options.producerTimeoutMs + options.ttlMs;
}
