import type { TurnEnd, TurnEvent, TurnInfo, TurnOutcome, TurnStatus } from './turn-store.js';

/**
 * One turn held by the memory store: its events, its end, and who listens for either. Ended turns
 * are kept until their time to live has passed, so an event is held as its data alone (its id is
 * its place, its name is rare); the event object a follower reads is made when it is read, which
 * keeps the objects the garbage collector must trace per held event to one.
 */
export class MemoryTurn {
  readonly #data: string[] = [];
  readonly #names = new Map<number, string>();
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

  /** The event at `index` (0 is the first), or `undefined` when none has been recorded there yet. */
  eventAt(index: number): TurnEvent | undefined {
    const data = this.#data[index];
    if (data === undefined) return undefined;
    const id = String(index + 1);
    const event = this.#names.get(index);
    return event === undefined ? { type: 'event', id, data } : { type: 'event', id, event, data };
  }

  record(data: string, event: string | undefined): string {
    const index = this.#data.push(data) - 1;
    if (event !== undefined) this.#names.set(index, event);
    this.lastProgressAt = Date.now();
    this.#wake();
    return String(index + 1);
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
