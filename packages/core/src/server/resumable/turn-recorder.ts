import type { TurnAppend, TurnProducer } from '../turns/turn-store.js';

/**
 * Records a producer's events in order. With a producer that has `appendMany`, without holding
 * up the upstream: the events that arrive while a write is under way go in the next one, which
 * under load turns one store round trip per token into one per batch. Other producers (memory)
 * record each event before the next is read, as fast as that goes. After the first failure
 * nothing more is written, so a turn never has a gap, and {@link add} and {@link flush} throw
 * that failure.
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

  /**
   * Records one event, or queues it for the next write: await what it returns before adding
   * the next. Throws the first failure once there was one.
   */
  add(data: string, event: string | undefined): Promise<unknown> | undefined {
    if (this.#failed) throw this.#failure;
    if (this.#producer.appendMany === undefined) return this.#producer.append(data, event);
    this.#pending.push(event === undefined ? { data } : { data, event });
    this.#writing ??= this.#drain();
    return undefined;
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
        const [first] = batch;
        if (batch.length === 1 && first !== undefined) {
          await this.#producer.append(first.data, first.event);
        } else {
          await this.#producer.appendMany?.(batch);
        }
      } catch (error) {
        this.#failed = true;
        this.#failure = error;
        this.#pending = [];
      }
    }
    this.#writing = undefined;
  }
}
