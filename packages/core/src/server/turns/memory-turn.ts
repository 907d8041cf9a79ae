import type { TurnEnd, TurnEvent, TurnInfo, TurnOutcome, TurnStatus } from './turn-store.js';

/** One turn held by the memory store: its events, its end, and who listens for either. */
export class MemoryTurn {
  readonly events: TurnEvent[] = [];
  readonly stopController = new AbortController();
  readonly createdAt = Date.now();
  lastProgressAt = this.createdAt;
  end: TurnEnd | undefined;
  #wakeUps = new Set<() => void>();

  constructor(
    readonly id: string,
    readonly owner: string,
    readonly key: string,
  ) {}

  get status(): TurnStatus {
    return this.end?.status ?? 'running';
  }

  info(): TurnInfo {
    const { id, key, status, createdAt } = this;
    if (this.end === undefined) return { id, key, status, createdAt };
    const { type: _type, ...outcome } = this.end;
    return { id, key, status, createdAt, outcome };
  }

  record(data: string, event: string | undefined): string {
    const id = String(this.events.length + 1);
    this.events.push(
      event === undefined ? { type: 'event', id, data } : { type: 'event', id, event, data },
    );
    this.lastProgressAt = Date.now();
    this.#wake();
    return id;
  }

  /** Ends the turn unless it has ended; whether this call ended it. */
  finish(outcome: TurnOutcome): boolean {
    if (this.end !== undefined) return false;
    this.end = { type: 'end', ...outcome, estimated: outcome.estimated ?? false };
    this.#wake();
    return true;
  }

  /** Calls `listener` at every new event and at the end, until {@link unlisten}. */
  listen(listener: () => void): void {
    this.#wakeUps.add(listener);
  }

  unlisten(listener: () => void): void {
    this.#wakeUps.delete(listener);
  }

  #wake(): void {
    for (const wakeUp of this.#wakeUps) wakeUp();
  }
}
