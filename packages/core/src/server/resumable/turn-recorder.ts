import type { TurnAppend, TurnProducer } from '../turns/turn-store.js';
import type { TurnRecording } from './creator-stream.js';

/** What a {@link TurnRecorder} tells of the events it records. */
export type RecordedEvents = Pick<TurnRecording, 'recorded' | 'followStore'>;

/**
 * Records a producer's events in order, and tells `recording` of each once the store gave it
 * its id. With a producer that has `appendMany`, without holding up the upstream: the events
 * that arrive while a write is under way go in the next one, which under load turns one store
 * round trip per token into one per batch (and, in memory, one wait per read of the upstream
 * instead of one per event). Other producers record each event before the next is read. After
 * the first failure nothing more is written, so a turn never has a gap, and {@link add} and
 * {@link flush} throw that failure.
 */
export class TurnRecorder {
  readonly #producer: TurnProducer;
  readonly #recording: RecordedEvents | undefined;
  #pending: TurnAppend[] = [];
  #writing: Promise<void> | undefined;
  #failed = false;
  #failure: unknown;

  constructor(producer: TurnProducer, recording?: RecordedEvents) {
    this.#producer = producer;
    this.#recording = recording;
  }

  /**
   * Records the events of one read of the upstream, in order, or queues them for the next
   * write: await what it returns before adding more. Throws the first failure once there was
   * one.
   */
  add(events: readonly TurnAppend[]): Promise<void> | undefined {
    if (this.#failed) throw this.#failure;
    if (this.#producer.appendMany === undefined) return this.#appendEach(events);
    for (const event of events) this.#pending.push(event);
    this.#writing ??= this.#drain();
    return undefined;
  }

  /** Resolves once every queued event is recorded; throws the first failure. */
  async flush(): Promise<void> {
    await this.#writing;
    if (this.#failed) throw this.#failure;
  }

  async #appendEach(events: readonly TurnAppend[]): Promise<void> {
    for (const appended of events) {
      try {
        const id = await this.#producer.append(appended.data, appended.event);
        this.#recorded([appended], [id]);
      } catch (error) {
        this.#fail(error);
        throw error;
      }
    }
  }

  async #drain(): Promise<void> {
    while (this.#pending.length > 0 && !this.#failed) {
      const batch = this.#pending;
      this.#pending = [];
      try {
        const [first] = batch;
        if (batch.length === 1 && first !== undefined) {
          this.#recorded(batch, [await this.#producer.append(first.data, first.event)]);
        } else {
          this.#recorded(batch, (await this.#producer.appendMany?.(batch)) ?? []);
        }
      } catch (error) {
        this.#pending = [];
        this.#fail(error);
      }
    }
    this.#writing = undefined;
  }

  #recorded(batch: readonly TurnAppend[], ids: readonly string[]): void {
    this.#recording?.recorded(
      batch.map(({ data, event }, index) => {
        const id = ids[index] ?? '';
        return event === undefined
          ? { type: 'event', id, data }
          : { type: 'event', id, event, data };
      }),
    );
  }

  /** Some of the events may be recorded, unseen by `recording`: it reads on from the store. */
  #fail(error: unknown): void {
    this.#failed = true;
    this.#failure = error;
    this.#recording?.followStore(error);
  }
}
