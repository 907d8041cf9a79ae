import type { CompletionUsage } from '../../types/usage.js';

/**
 * How a turn ended: `completed` (the answer finished), `stopped` (an explicit stop), `disconnected`
 * (the client left and the disconnect policy ended the turn) or `failed` (the upstream failed, or
 * the producer fell silent: see {@link TurnFailure}).
 */
export type TurnEndStatus = 'completed' | 'stopped' | 'disconnected' | 'failed';

/** Where a turn stands: `running` until it ends, once, with a {@link TurnEndStatus}. */
export type TurnStatus = 'running' | TurnEndStatus;

/** Why a turn failed, in words a client can show. */
export interface TurnFailure {
  /** A stable code: `producer_lost` when the producer fell silent, else the producer's own. */
  code: string;
  /** What happened, in full. */
  message: string;
}

/** What the producer reports when it ends a turn. */
export interface TurnOutcome {
  /** How the turn ended. */
  status: TurnEndStatus;
  /** The tokens used, as the upstream reported them or as estimated. */
  usage?: CompletionUsage;
  /** Whether `usage` was estimated because the upstream sent none (an aborted answer). */
  estimated?: boolean;
  /** Why a `failed` turn failed. */
  error?: TurnFailure;
}

/** One recorded server-sent event of a turn. */
export interface TurnEvent {
  type: 'event';
  /**
   * Increases with every event of the turn; send it as the SSE `id` and give it back as
   * `after` (from `Last-Event-ID`) to resume just after this event.
   */
  id: string;
  /** The SSE event name, when not the default `message`. */
  event?: string;
  /** The SSE data. */
  data: string;
}

/** The last entry of a followed turn: how it ended. */
export interface TurnEnd extends TurnOutcome {
  type: 'end';
}

/** What following a turn yields: its events in order, then, once the turn has ended, its end. */
export type TurnEntry = TurnEvent | TurnEnd;

/** A turn as a reader sees it. */
export interface TurnInfo {
  /** The turn's id: unguessable, but never enough on its own to read or stop the turn. */
  id: string;
  /** The idempotency key the turn was created with. */
  key: string;
  /** Where the turn stands. */
  status: TurnStatus;
  /** When the turn was created, in milliseconds since the epoch. */
  createdAt: number;
  /** How the turn ended, once it has. */
  outcome?: TurnOutcome;
}

/** What {@link TurnStore.create} is given. */
export interface CreateTurnInit {
  /**
   * Whom the turn belongs to (a session user id, …): only the same owner can read or stop it,
   * and idempotency keys are scoped to it.
   */
  owner: string;
  /** The idempotency key (the `Idempotency-Key` header): one turn per owner and key, ever. */
  key: string;
}

/** What {@link TurnStore.create} answers. */
export interface CreatedTurn {
  /** The turn: new, or the one created earlier with the same owner and key. */
  turn: TurnInfo;
  /**
   * The producer, only for the call that created the turn; `undefined` when the turn existed,
   * so that at most one producer (one upstream call) runs per owner and key.
   */
  producer: TurnProducer | undefined;
}

/** How {@link TurnStore.follow} reads. */
export interface FollowTurnOptions {
  /**
   * The id of the last event already seen (`Last-Event-ID`): following starts just after it.
   * From the first event when absent. An id the store did not produce is refused with an
   * `InvalidOptionError`.
   */
  after?: string;
  /** Ends the iteration quietly, e.g. when the client following the turn leaves. */
  signal?: AbortSignal;
}

/** One event for {@link TurnProducer.appendMany}: its SSE data and name. */
export interface TurnAppend {
  data: string;
  /** The SSE event name, when not the default `message`. */
  event?: string;
}

/**
 * The one writer of a turn. It records the answer's events as they pass, beats while it waits,
 * listens for stops, and ends the turn once.
 */
export interface TurnProducer {
  /** The id of the turn it writes. */
  readonly turnId: string;
  /**
   * Aborted when a stop for the turn is requested on any instance sharing the store, or when the
   * store finds the turn already ended (its producer was taken for dead): abort the upstream call.
   */
  readonly signal: AbortSignal;
  /**
   * Records one event and resolves to its id. Counts as a heartbeat. Rejects with
   * `TurnTooLargeError` past `maxBytes` or `maxEvents` (nothing is recorded; end the turn as
   * `failed`), with `TurnEndedError` once the turn has ended, and with
   * `TurnStoreUnavailableError` when the store cannot be reached.
   */
  append(data: string, event?: string): Promise<string>;
  /**
   * Records several events in order as one write, when the store can: the endpoint passes the
   * events that arrived while the previous write was under way. Resolves to their ids. When
   * one does not fit (`TurnTooLargeError`), the events before it are recorded and none after
   * it. Optional: without it, the events are appended one by one.
   */
  appendMany?(events: readonly TurnAppend[]): Promise<string[]>;
  /**
   * Milliseconds between calls of {@link TurnProducer.heartbeat} while no event passes: a third
   * of the store's `producerTimeoutMs` (see `turnHeartbeatMs`). `DEFAULT_TURN_HEARTBEAT_MS`
   * when a store does not say.
   */
  readonly heartbeatMs?: number;
  /**
   * Tells the store the producer is alive while no event passes (a slow upstream). Call it
   * every {@link TurnProducer.heartbeatMs}, well within `producerTimeoutMs`.
   */
  heartbeat(): Promise<void>;
  /**
   * Ends the turn with `outcome`; its data then expires after `ttlMs`. Resolves to `true` when
   * this call ended the turn, `false` when it had already ended (finished before, or taken for
   * dead), so that end-of-turn work such as billing runs exactly once.
   */
  finish(outcome: TurnOutcome): Promise<boolean>;
}

/**
 * Where chat turns are recorded so that they outlive a connection: a retried request attaches
 * to the turn already running for its idempotency key, a client that lost its connection resumes
 * just after the last event it saw, and a stop reaches the producer wherever it runs.
 *
 * Reads and stops check the owner: an unknown turn, an expired one and another owner's all
 * reject alike with `TurnNotFoundError` (answer 404; nothing is leaked). A store that cannot be
 * reached rejects with `TurnStoreUnavailableError`.
 */
export interface TurnStore {
  /**
   * Creates the turn of `init.owner` and `init.key`, or finds the one created before, also when
   * several instances race: exactly one caller ever gets a producer per owner and key while the
   * turn is kept.
   */
  create(init: CreateTurnInit): Promise<CreatedTurn>;
  /** The turn `turnId` of `owner`. */
  get(turnId: string, owner: string): Promise<TurnInfo>;
  /**
   * The turn's events after `options.after`, then new ones as they are appended, then its end:
   * no gap, no repeat. Following an ended turn yields what is left and the end, also when
   * `after` is its last event. A producer that falls silent for `producerTimeoutMs` ends the
   * turn as `failed` with the `producer_lost` code, so a follower never hangs. Rejects before
   * the first entry when the turn cannot be read.
   */
  follow(
    turnId: string,
    owner: string,
    options?: FollowTurnOptions,
  ): Promise<AsyncIterable<TurnEntry>>;
  /**
   * Asks the turn's producer to stop: its `signal` aborts, on whichever instance it runs, and it
   * ends the turn as `stopped`. Resolves to the turn as it stands; a turn that has ended is left
   * as it is.
   */
  stop(turnId: string, owner: string): Promise<TurnInfo>;
  /**
   * Releases the store's timers and connections. The turns its producers still run end as
   * `failed` with the `store_closed` code, so that their followers, on any instance, learn at
   * once that the answer is cut short; the producers' `signal` aborts, and followers of this
   * store end.
   */
  close(): Promise<void>;
}
