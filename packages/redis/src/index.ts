export type { RedisClient } from './redis-connection.js';
export {
  DEFAULT_REDIS_COMMAND_TIMEOUT_MS,
  DEFAULT_REDIS_KEY_PREFIX,
  RedisTurnStore,
  type RedisTurnStoreOptions,
} from './redis-turn-store.js';
