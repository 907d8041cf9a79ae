export {
  DEFAULT_PRODUCER_TIMEOUT_MS,
  DEFAULT_TURN_HEARTBEAT_MS,
  DEFAULT_TURN_MAX_BYTES,
  DEFAULT_TURN_MAX_EVENTS,
  DEFAULT_TURN_TTL_MS,
} from './defaults.js';
export { turnHeartbeatMs } from './heartbeat-interval.js';
export { MemoryTurnStore } from './memory-turn-store.js';
export { PRODUCER_LOST_CODE, producerLostOutcome } from './producer-lost.js';
export { STORE_CLOSED_CODE, storeClosedOutcome } from './store-closed.js';
export { TurnBudget } from './turn-budget.js';
export type {
  CreatedTurn,
  CreateTurnInit,
  FollowTurnOptions,
  TurnAppend,
  TurnEnd,
  TurnEndStatus,
  TurnEntry,
  TurnEvent,
  TurnFailure,
  TurnInfo,
  TurnOutcome,
  TurnProducer,
  TurnStatus,
  TurnStore,
} from './turn-store.js';
export {
  type ResolvedTurnStoreOptions,
  resolveTurnStoreOptions,
  type TurnStoreOptions,
} from './turn-store-options.js';
