import type { TurnAppend, TurnProducer } from '../turns/turn-store.js';

/**
 * Records a producer's events in order without holding up the upstream: the events that arrive
 * while a write is under way go in the next one, as one `appendMany` when the producer has it.
 * Under load that turns one store round trip per token into one per batch. After the first
 * failure nothing more is written, so a turn never has a gap, and {@link add} and
 * {@link flush} throw that failure.
 */
export class TurnRecorder {
  readonly #producer: TurnProducer;
  #pending: TurnAppend[] = [];
  #writing: Promise<void> | undefined;
  #failed = false;
  #failure: unknown;

  constructor(producer: TurnProducer) {
    this.#producer = producer;
  }

  /** Queues one event; throws the first failure once there was one. */
  add(data: string, event: string | undefined): void {
    if (this.#failed) throw this.#failure;
    this.#pending.push(event === undefined ? { data } : { data, event });
    this.#writing ??= this.#drain();
  }

  /** Resolves once every queued event is recorded; throws the first failure. */
  async flush(): Promise<void> {
    await this.#writing;
    if (this.#failed) throw this.#failure;
  }

  async #drain(): Promise<void> {
    while (this.#pending.length > 0 && !this.#failed) {
      const batch = this.#pending;
      this.#pending = [];
      try {
        await this.#write(batch);
      } catch (error) {
        this.#failed = true;
        this.#failure = error;
        this.#pending = [];
      }
    }
    this.#writing = undefined;
  }

  async #write(batch: TurnAppend[]): Promise<void> {
    const producer = this.#producer;
    if (batch.length > 1 && producer.appendMany !== undefined) {
      await producer.appendMany(batch);
      return;
    }
    for (const { data, event } of batch) await producer.append(data, event);
  }
}
