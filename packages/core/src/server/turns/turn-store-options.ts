import {
  DEFAULT_PRODUCER_TIMEOUT_MS,
  DEFAULT_TURN_MAX_BYTES,
  DEFAULT_TURN_MAX_EVENTS,
  DEFAULT_TURN_TTL_MS,
} from './defaults.js';

/** The limits and timings every turn store takes. */
export interface TurnStoreOptions {
  /** Milliseconds a turn (its events, status and idempotency key) is kept after it ends. */
  ttlMs?: number;
  /** The most bytes of event data and event names one turn may record. */
  maxBytes?: number;
  /** The most events one turn may record. */
  maxEvents?: number;
  /**
   * Milliseconds without an appended event or a heartbeat after which a running turn's producer
   * is taken for dead and the turn ends as `failed` with the `producer_lost` code.
   */
  producerTimeoutMs?: number;
}

/** {@link TurnStoreOptions} with every default filled in. */
export type ResolvedTurnStoreOptions = Required<TurnStoreOptions>;

/** Fills in the defaults of {@link TurnStoreOptions} and refuses values that are not positive. */
export function resolveTurnStoreOptions(options: TurnStoreOptions = {}): ResolvedTurnStoreOptions {
  const resolved = {
    ttlMs: options.ttlMs ?? DEFAULT_TURN_TTL_MS,
    maxBytes: options.maxBytes ?? DEFAULT_TURN_MAX_BYTES,
    maxEvents: options.maxEvents ?? DEFAULT_TURN_MAX_EVENTS,
    producerTimeoutMs: options.producerTimeoutMs ?? DEFAULT_PRODUCER_TIMEOUT_MS,
  };
  for (const [name, value] of Object.entries(resolved)) {
    if (!Number.isFinite(value) || value <= 0) {
      throw new RangeError(
        `The turn store option ${name} must be a positive number, got ${value}.`,
      );
    }
  }
  return resolved;
}
