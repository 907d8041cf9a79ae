import type { EventStreamWriter } from '../edge/exchange.js';
import type { TurnEnd, TurnEntry, TurnEvent } from '../turns/turn-store.js';
import { writeTurnEntries } from './follow-turn.js';
import { turnEndErrorBody, turnEventBytes } from './turn-event-bytes.js';

/** Who is told of each event as the producer records it. */
export interface TurnRecording {
  /** The store recorded `event` and gave it its id. */
  recorded(event: TurnEvent): void;
  /** An event may have been recorded without being told here: read on from the store. */
  followStore(): void;
}

/** Follows the turn in the store just after event `after`, or from its start. */
export type FollowStore = (after: string | undefined) => Promise<AsyncIterable<TurnEntry>>;

/**
 * The answer of the client that created a turn. While that client keeps up, each event is
 * written to it as soon as the store has recorded it, with the id the store gave, straight
 * from the producer: the store is not read back. When the client falls behind, or an event may
 * have been recorded without passing here (a store failure, a turn ended elsewhere), the answer
 * goes on from the store just after the last event written, as a resuming client's would: a
 * slow client never holds up the producer, nor grows this server's memory.
 */
export class CreatorStream implements TurnRecording {
  readonly #writer: EventStreamWriter;
  readonly #followStore: FollowStore;
  #lastId: string | undefined;
  #sawError = false;
  #fromStore: Promise<void> | undefined;

  constructor(writer: EventStreamWriter, followStore: FollowStore) {
    this.#writer = writer;
    this.#followStore = followStore;
  }

  recorded(event: TurnEvent): void {
    if (this.#fromStore !== undefined || this.#writer.closed) return;
    this.#lastId = event.id;
    this.#sawError = event.event === 'error';
    if (!this.#writer.write(turnEventBytes(event))) this.followStore();
  }

  followStore(): void {
    this.#fromStore ??= this.#writeFromStore();
  }

  /**
   * Ends the answer once the producer is done, with `end`, the end the producer recorded; when
   * it recorded none (the turn had ended elsewhere), or the answer follows the store, once the
   * store's entries are written.
   */
  async finish(end: TurnEnd | undefined): Promise<void> {
    if (end === undefined) this.followStore();
    if (this.#fromStore !== undefined || end === undefined) return this.#fromStore;
    if (end.status !== 'completed' && !this.#sawError) this.#writer.fail(turnEndErrorBody(end));
    else this.#writer.end();
  }

  async #writeFromStore(): Promise<void> {
    await this.#writer.drained();
    if (this.#writer.closed) return;
    await writeTurnEntries(this.#writer, this.#followStore(this.#lastId), this.#sawError);
  }
}
