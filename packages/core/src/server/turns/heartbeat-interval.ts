import { DEFAULT_TURN_HEARTBEAT_MS } from './defaults.js';

/**
 * How often a producer beats while it has nothing to append, for a store whose producers are
 * taken for dead after `producerTimeoutMs`: a third of it, so that one late beat is not taken
 * for a dead producer, and at most {@link DEFAULT_TURN_HEARTBEAT_MS}.
 */
export function turnHeartbeatMs(producerTimeoutMs: number): number {
  return Math.max(1, Math.min(DEFAULT_TURN_HEARTBEAT_MS, Math.floor(producerTimeoutMs / 3)));
}
