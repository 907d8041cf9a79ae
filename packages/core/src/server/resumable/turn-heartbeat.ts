import { DEFAULT_TURN_HEARTBEAT_MS } from '../turns/defaults.js';
import type { TurnProducer } from '../turns/turn-store.js';

/**
 * Beats for `producer` every `producer.heartbeatMs` (else {@link DEFAULT_TURN_HEARTBEAT_MS})
 * while the upstream is silent (slow to its first byte, or thinking), so that the store does
 * not take it for dead. Returns the function that stops the beat.
 */
export function startTurnHeartbeat(producer: TurnProducer): () => void {
  const timer = setInterval(() => {
    // A missed beat is retried at the next one; a store that stays away fails the appends.
    producer.heartbeat().catch(() => {});
  }, producer.heartbeatMs ?? DEFAULT_TURN_HEARTBEAT_MS);
  timer.unref();
  return () => clearInterval(timer);
}
