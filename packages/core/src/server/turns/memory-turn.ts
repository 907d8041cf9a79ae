import type { TurnEnd, TurnEvent, TurnInfo, TurnOutcome, TurnStatus } from './turn-store.js';

/**
 * One turn held by the memory store: its events, its end, and who listens for either. Ended turns
 * are kept until their time to live has passed, so an event is held as its data alone (its id is
 * its place, its name is rare), and once the turn ends its events' data are joined into one
 * string with their end offsets: the garbage collector then traces two objects per held turn
 * instead of one per event. The event object a follower reads is made when it is read.
 */
export class MemoryTurn {
  #data: string[] = [];
  /** Once ended: every event's data, joined, and where each event's data ends in it. */
  #joined: { text: string; ends: Uint32Array } | undefined;
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
    const data = this.#joined === undefined ? this.#data[index] : joinedAt(this.#joined, index);
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
    this.#join();
    this.#wake();
    return true;
  }

  #join(): void {
    const ends = new Uint32Array(this.#data.length);
    let offset = 0;
    this.#data.forEach((data, index) => {
      offset += data.length;
      ends[index] = offset;
    });
    this.#joined = { text: this.#data.join(''), ends };
    this.#data = [];
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

/** The data of the event at `index` of an ended turn's joined events. */
function joinedAt(
  { text, ends }: { text: string; ends: Uint32Array },
  index: number,
): string | undefined {
  if (index >= ends.length) return undefined;
  return text.slice(index === 0 ? 0 : ends[index - 1], ends[index]);
}
