import { randomUUID } from 'node:crypto';
import { InvalidOptionError } from '../../errors/chatwire-error.js';
import { TurnNotFoundError } from '../../errors/turn-not-found-error.js';
import { turnHeartbeatMs } from './heartbeat-interval.js';
import { MemoryTurn } from './memory-turn.js';
import { MemoryTurnProducer } from './memory-turn-producer.js';
import { producerLostOutcome } from './producer-lost.js';
import { storeClosedOutcome } from './store-closed.js';
import { TurnBudget } from './turn-budget.js';
import type {
  CreatedTurn,
  CreateTurnInit,
  FollowTurnOptions,
  TurnEntry,
  TurnInfo,
  TurnStore,
} from './turn-store.js';
import {
  type ResolvedTurnStoreOptions,
  resolveTurnStoreOptions,
  type TurnStoreOptions,
} from './turn-store-options.js';

const EVENT_ID = /^(0|[1-9]\d{0,15})$/;

/**
 * A {@link TurnStore} in this process's memory: the default, for one server instance. Ended
 * turns are dropped after `ttlMs` and silent producers are detected after `producerTimeoutMs`,
 * so memory stays bounded; its timers never keep the process alive.
 */
export class MemoryTurnStore implements TurnStore {
  readonly #options: ResolvedTurnStoreOptions;
  readonly #turns = new Map<string, MemoryTurn>();
  readonly #turnIdsByKey = new Map<string, string>();
  readonly #timers = new Map<string, NodeJS.Timeout>();

  constructor(options: TurnStoreOptions = {}) {
    this.#options = resolveTurnStoreOptions(options);
  }

  /** How many turns are held, running or ended and not yet expired. */
  get size(): number {
    return this.#turns.size;
  }

  async create({ owner, key }: CreateTurnInit): Promise<CreatedTurn> {
    const scopedKey = JSON.stringify([owner, key]);
    const existing = this.#turns.get(this.#turnIdsByKey.get(scopedKey) ?? '');
    if (existing !== undefined) return { turn: existing.info(), producer: undefined };
    const turn = new MemoryTurn(randomUUID(), owner, key);
    this.#turns.set(turn.id, turn);
    this.#turnIdsByKey.set(scopedKey, turn.id);
    this.#watchProducer(turn);
    const { maxBytes, maxEvents, producerTimeoutMs } = this.#options;
    const producer = new MemoryTurnProducer(
      turn,
      new TurnBudget(maxBytes, maxEvents),
      turnHeartbeatMs(producerTimeoutMs),
      () => this.#expireLater(turn),
    );
    return { turn: turn.info(), producer };
  }

  async get(turnId: string, owner: string): Promise<TurnInfo> {
    return this.#owned(turnId, owner).info();
  }

  async follow(
    turnId: string,
    owner: string,
    options: FollowTurnOptions = {},
  ): Promise<AsyncIterable<TurnEntry>> {
    const turn = this.#owned(turnId, owner);
    const after = options.after ?? '0';
    if (!EVENT_ID.test(after)) {
      throw new InvalidOptionError(
        'after',
        `${JSON.stringify(after)} is not an event id of this turn.`,
      );
    }
    return entriesOf(turn, Number(after), options.signal);
  }

  async stop(turnId: string, owner: string): Promise<TurnInfo> {
    const turn = this.#owned(turnId, owner);
    if (turn.end === undefined) turn.stopController.abort();
    return turn.info();
  }

  async close(): Promise<void> {
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
    for (const turn of this.#turns.values()) {
      turn.finish(storeClosedOutcome());
      turn.stopController.abort();
    }
    this.#turns.clear();
    this.#turnIdsByKey.clear();
  }

  #owned(turnId: string, owner: string): MemoryTurn {
    const turn = this.#turns.get(turnId);
    if (turn === undefined || turn.owner !== owner) throw new TurnNotFoundError(turnId);
    return turn;
  }

  /** Checks the producer each time it could have been silent for `producerTimeoutMs`. */
  #watchProducer(turn: MemoryTurn): void {
    const { producerTimeoutMs } = this.#options;
    const check = () => {
      if (turn.end !== undefined) return;
      const silentMs = Date.now() - turn.lastProgressAt;
      if (silentMs < producerTimeoutMs) {
        this.#schedule(turn.id, check, producerTimeoutMs - silentMs);
        return;
      }
      turn.finish(producerLostOutcome(producerTimeoutMs));
      turn.stopController.abort();
      this.#expireLater(turn);
    };
    this.#schedule(turn.id, check, producerTimeoutMs);
  }

  #expireLater(turn: MemoryTurn): void {
    this.#schedule(
      turn.id,
      () => {
        this.#timers.delete(turn.id);
        this.#turns.delete(turn.id);
        this.#turnIdsByKey.delete(JSON.stringify([turn.owner, turn.key]));
      },
      this.#options.ttlMs,
    );
  }

  #schedule(turnId: string, run: () => void, delayMs: number): void {
    clearTimeout(this.#timers.get(turnId));
    this.#timers.set(turnId, setTimeout(run, delayMs).unref());
  }
}

async function* entriesOf(
  turn: MemoryTurn,
  after: number,
  signal: AbortSignal | undefined,
): AsyncGenerator<TurnEntry> {
  // One listener for the whole follow, not one per wait: a follower waits once per event.
  let wakeUp: (() => void) | undefined;
  const changed = () => {
    const waiting = wakeUp;
    wakeUp = undefined;
    waiting?.();
  };
  turn.listen(changed);
  signal?.addEventListener('abort', changed, { once: true });
  try {
    let next = after;
    while (signal?.aborted !== true) {
      const event = turn.eventAt(next);
      if (event !== undefined) {
        next += 1;
        yield event;
      } else if (turn.end !== undefined) {
        yield turn.end;
        return;
      } else {
        await new Promise<void>((resolve) => {
          wakeUp = resolve;
        });
      }
    }
  } finally {
    turn.unlisten(changed);
    signal?.removeEventListener('abort', changed);
  }
}
