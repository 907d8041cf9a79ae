import { TurnEndedError } from '../../errors/turn-ended-error.js';
import type { MemoryTurn } from './memory-turn.js';
import type { TurnBudget } from './turn-budget.js';
import type { TurnAppend, TurnOutcome, TurnProducer } from './turn-store.js';

/** The producer of a turn held in memory. */
export class MemoryTurnProducer implements TurnProducer {
  readonly #turn: MemoryTurn;
  readonly #budget: TurnBudget;
  readonly #onFinish: () => void;

  constructor(
    turn: MemoryTurn,
    budget: TurnBudget,
    readonly heartbeatMs: number,
    onFinish: () => void,
  ) {
    this.#turn = turn;
    this.#budget = budget;
    this.#onFinish = onFinish;
  }

  get turnId(): string {
    return this.#turn.id;
  }

  get signal(): AbortSignal {
    return this.#turn.stopController.signal;
  }

  async append(data: string, event?: string): Promise<string> {
    return this.#record(data, event);
  }

  /** Records the events one by one: those before one that does not fit stay recorded. */
  async appendMany(events: readonly TurnAppend[]): Promise<string[]> {
    return events.map(({ data, event }) => this.#record(data, event));
  }

  #record(data: string, event: string | undefined): string {
    if (this.#turn.end !== undefined) throw new TurnEndedError(this.#turn.id);
    this.#budget.spend(data, event);
    return this.#turn.record(data, event);
  }

  async heartbeat(): Promise<void> {
    this.#turn.lastProgressAt = Date.now();
  }

  async finish(outcome: TurnOutcome): Promise<boolean> {
    const ended = this.#turn.finish(outcome);
    if (ended) this.#onFinish();
    return ended;
  }
}
