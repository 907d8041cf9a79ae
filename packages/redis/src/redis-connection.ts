import type { ResolvedTurnStoreOptions } from '@chatwire/core/server';
import { createClient, type RedisClientType } from 'redis';
import type { FollowerReaders } from './follower-readers.js';
import type { RedisKeys } from './redis-keys.js';
import { TURN_SCRIPTS } from './turn-scripts.js';
import type { withinDeadline } from './within-deadline.js';

/**
 * A node-redis client, as `createClient` from `redis` makes it, with any modules, scripts,
 * RESP version and type mapping: the store only takes its connection settings.
 */
// biome-ignore lint/suspicious/noExplicitAny: node-redis's generics are invariant; any client is accepted.
export type RedisClient = RedisClientType<any, any, any, any, any>;

/**
 * A connection with the settings of `client` on which the turn scripts are commands. Its
 * replies are node-redis's own: the client's command options (a type mapping) are left out.
 */
export function turnCommandsLike(client: RedisClient): TurnCommands {
  return createClient({ ...client.options, commandOptions: undefined, scripts: TURN_SCRIPTS });
}

/** The store's connection for every non-blocking command, with the turn scripts. */
// biome-ignore lint/suspicious/noExplicitAny: the settings, modules and RESP version are the given client's.
export type TurnCommands = RedisClientType<any, any, typeof TURN_SCRIPTS, any, any>;

/** What the parts of the Redis turn store share. */
export interface RedisTurnContext {
  /**
   * The connection for every non-blocking command, each bounded by node-redis's `timeout`
   * command option (`commandTimeoutMs`): one not yet sent when it times out is withdrawn.
   */
  commands: TurnCommands;
  /**
   * The same connection without that option, for the producer's appends, beats and end, which
   * {@link withinDeadline} bounds instead.
   */
  producing: TurnCommands;
  /** Milliseconds a command may wait for its reply. */
  commandTimeoutMs: number;
  /** The connections followers wait for new events on. */
  readers: FollowerReaders;
  keys: RedisKeys;
  options: ResolvedTurnStoreOptions;
  /**
   * How often a connection to Redis has broken: a follower that sees it change ends with
   * `TurnStoreUnavailableError`, as Redis may have lost the turn (its client then resumes).
   */
  readonly breaks: { count: number };
}

/** Milliseconds a running turn's keys live past the producer's last sign of life. */
export function runningTtlMs(options: ResolvedTurnStoreOptions): number {
  return options.producerTimeoutMs + options.ttlMs;
}
