import { TurnNotFoundError } from '../../errors/turn-not-found-error.js';
import type { EventStreamWriter } from '../edge/exchange.js';
import type { TurnEnd, TurnEntry, TurnEvent } from '../turns/turn-store.js';
import { writeTurnEntries } from './follow-turn.js';
import { turnEndErrorBody, turnEventBytes } from './turn-event-bytes.js';

/** Who is told of each event as the producer records it. */
export interface TurnRecording {
  /** The store recorded `events`, in order, and gave each its id. */
  recorded(events: readonly TurnEvent[]): void;
  /**
   * An event may have been recorded without being told here: read on from the store. `cause`
   * is why, when recording failed: the answer tells it if the store then has no turn to read.
   */
  followStore(cause?: unknown): void;
  /** The producer ended the turn with `end`, after every event it recorded. */
  ended(end: TurnEnd): void;
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
  #ended = false;
  #fromStore: Promise<void> | undefined;
  #cause: unknown;

  constructor(writer: EventStreamWriter, followStore: FollowStore) {
    this.#writer = writer;
    this.#followStore = followStore;
  }

  recorded(events: readonly TurnEvent[]): void {
    const last = events.at(-1);
    if (last === undefined || this.#fromStore !== undefined || this.#writer.closed) return;
    this.#lastId = last.id;
    this.#sawError = last.event === 'error';
    // One write per batch: the first goes out with the headers, as a relayed answer's does.
    const bytes = events.length === 1 ? turnEventBytes(last) : events.map(turnEventBytes).join('');
    if (!this.#writer.write(bytes)) this.followStore();
  }

  followStore(cause?: unknown): void {
    this.#cause ??= cause;
    this.#fromStore ??= this.#writeFromStore();
  }

  ended(end: TurnEnd): void {
    if (this.#fromStore !== undefined) return;
    this.#ended = true;
    if (end.status !== 'completed' && !this.#sawError) this.#writer.fail(turnEndErrorBody(end));
    else this.#writer.end();
  }

  /**
   * Once the producer is done: an answer whose end did not pass here (the turn was ended
   * elsewhere) goes on from the store. Resolves when the answer is written.
   */
  async finish(): Promise<void> {
    if (!this.#ended) this.followStore();
    await this.#fromStore;
  }

  async #writeFromStore(): Promise<void> {
    await this.#writer.drained();
    if (this.#writer.closed) return;
    const entries = this.#followStore(this.#lastId).catch((error: unknown) => {
      throw TurnNotFoundError.isInstance(error) ? (this.#cause ?? error) : error;
    });
    await writeTurnEntries(this.#writer, entries, this.#sawError);
  }
}
