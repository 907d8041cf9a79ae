import {
  storeClosedOutcome,
  TurnBudget,
  TurnEndedError,
  type TurnOutcome,
  type TurnProducer,
  turnHeartbeatMs,
} from '@chatwire/core/server';
import { LocalTurnFeed } from './local-turn-feed.js';
import { type RedisTurnContext, runningTtlMs } from './redis-connection.js';
import { storeUnavailable } from './store-unavailable.js';

/** The producer of a turn stored in Redis. */
export class RedisTurnProducer implements TurnProducer {
  readonly #context: RedisTurnContext;
  readonly #stop: AbortController;
  readonly #budget: TurnBudget;
  readonly #keys: string[];
  readonly #release: () => void;
  readonly heartbeatMs: number;
  /** What this producer recorded, for followers on this instance. */
  readonly feed = new LocalTurnFeed();

  constructor(
    readonly turnId: string,
    idempotencyKey: string,
    context: RedisTurnContext,
    stop: AbortController,
    release: () => void,
  ) {
    this.#context = context;
    this.#stop = stop;
    this.#release = release;
    const { keys, options } = context;
    this.#budget = new TurnBudget(options.maxBytes, options.maxEvents);
    this.heartbeatMs = turnHeartbeatMs(options.producerTimeoutMs);
    this.#keys = [keys.turn(turnId), keys.events(turnId), keys.alive(turnId), idempotencyKey];
  }

  get signal(): AbortSignal {
    return this.#stop.signal;
  }

  async append(data: string, event?: string): Promise<string> {
    this.#budget.spend(data, event);
    const id = await this.#beat(data, event ?? '', '1');
    this.feed.push(
      event === undefined ? { type: 'event', id, data } : { type: 'event', id, event, data },
    );
    return id;
  }

  async heartbeat(): Promise<void> {
    await this.#beat('', '', '0');
  }

  async finish(outcome: TurnOutcome): Promise<boolean> {
    const recorded = JSON.stringify({ ...outcome, estimated: outcome.estimated ?? false });
    try {
      const ended = await this.#context.commands.endTurn(this.#keys, [
        recorded,
        outcome.status,
        String(this.#context.options.ttlMs),
        '0',
      ]);
      if (ended === 1) this.feed.push({ type: 'end', ...(JSON.parse(recorded) as TurnOutcome) });
      return ended === 1;
    } catch (error) {
      throw storeUnavailable(error);
    } finally {
      this.#done();
    }
  }

  /** Aborts `signal`: a stop for this turn was requested on some instance. */
  requestStop(): void {
    this.#stop.abort();
  }

  /**
   * Ends the turn as `store_closed`, when the store closes while it runs, so that its followers
   * on other instances learn it at once rather than after `producerTimeoutMs`, and aborts
   * `signal`. Redis being away already is no error here: the followers then learn it from the
   * liveness key.
   */
  async endForClose(): Promise<void> {
    this.#stop.abort();
    this.feed.close();
    const outcome = storeClosedOutcome();
    await this.#context.commands
      .endTurn(this.#keys, [
        JSON.stringify(outcome),
        outcome.status,
        String(this.#context.options.ttlMs),
        '0',
      ])
      .catch(() => {});
  }

  async #beat(data: string, event: string, appending: '0' | '1'): Promise<string> {
    const { options } = this.#context;
    let reply: [number, string?, string?];
    try {
      reply = (await this.#context.commands.appendEvent(this.#keys, [
        data,
        event,
        String(options.maxEvents),
        String(runningTtlMs(options)),
        String(options.producerTimeoutMs),
        appending,
      ])) as [number, string?, string?];
    } catch (error) {
      this.feed.close();
      throw storeUnavailable(error);
    }
    const [running, id = '', stopRequested = ''] = reply;
    // The stop flag backs up the pub/sub message, which a reconnecting subscriber can miss.
    if (running !== 1 || stopRequested !== '') this.#stop.abort();
    if (running !== 1) {
      this.#done();
      throw new TurnEndedError(this.turnId);
    }
    return id;
  }

  /** The turn has ended, or is taken for ended: followers here go on from Redis. */
  #done(): void {
    this.feed.close();
    this.#release();
  }
}
