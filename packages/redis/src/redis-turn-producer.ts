import {
  storeClosedOutcome,
  type TurnAppend,
  TurnBudget,
  TurnEndedError,
  type TurnOutcome,
  type TurnProducer,
  turnHeartbeatMs,
} from '@chatwire/core/server';
import { LocalTurnFeed } from './local-turn-feed.js';
import { type RedisTurnContext, runningTtlMs } from './redis-connection.js';
import { storeUnavailable } from './store-unavailable.js';
import { withinDeadline } from './within-deadline.js';

/** The producer of a turn stored in Redis. */
export class RedisTurnProducer implements TurnProducer {
  readonly #context: RedisTurnContext;
  readonly #stop: AbortController;
  readonly #budget: TurnBudget;
  readonly #keys: string[];
  readonly #release: () => void;
  /** How often the connection had broken when the turn was created. */
  readonly #breaksAtStart: number;
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
    this.#breaksAtStart = context.breaks.count;
    const { keys, options } = context;
    this.#budget = new TurnBudget(options.maxBytes, options.maxEvents);
    this.heartbeatMs = turnHeartbeatMs(options.producerTimeoutMs);
    this.#keys = [keys.turn(turnId), keys.events(turnId), keys.alive(turnId), idempotencyKey];
  }

  get signal(): AbortSignal {
    return this.#stop.signal;
  }

  async append(data: string, event?: string): Promise<string> {
    const [id = ''] = await this.appendMany([event === undefined ? { data } : { data, event }]);
    return id;
  }

  async appendMany(events: readonly TurnAppend[]): Promise<string[]> {
    let fitting = 0;
    let tooLarge: unknown;
    try {
      for (const { data, event } of events) {
        this.#budget.spend(data, event);
        fitting += 1;
      }
    } catch (error) {
      tooLarge = error;
    }
    if (fitting === 0 && tooLarge !== undefined) throw tooLarge;
    const recorded = events.slice(0, fitting);
    const ids = await this.#beat(recorded);
    recorded.forEach(({ data, event }, index) => {
      const id = ids[index] ?? '';
      this.feed.push(
        event === undefined ? { type: 'event', id, data } : { type: 'event', id, event, data },
      );
    });
    if (tooLarge !== undefined) throw tooLarge;
    return ids;
  }

  async heartbeat(): Promise<void> {
    await this.#beat([]);
  }

  async finish(outcome: TurnOutcome): Promise<boolean> {
    const recorded = JSON.stringify({ ...outcome, estimated: outcome.estimated ?? false });
    try {
      const { producing, commandTimeoutMs, options } = this.#context;
      const ended = await withinDeadline(
        producing.endTurn(this.#keys, [recorded, outcome.status, String(options.ttlMs), '0']),
        commandTimeoutMs,
      );
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

  /** Appends `events` (none: only beats) and resolves to their ids. */
  async #beat(events: readonly TurnAppend[]): Promise<string[]> {
    const { options, producing, commandTimeoutMs } = this.#context;
    const args = [String(runningTtlMs(options)), String(options.producerTimeoutMs)];
    for (const { data, event } of events) args.push(data, event ?? '');
    let reply: [number, string?, ...string[]];
    try {
      reply = (await withinDeadline(
        producing.appendEvents(this.#keys, args),
        commandTimeoutMs,
      )) as typeof reply;
    } catch (error) {
      this.feed.close();
      throw storeUnavailable(error);
    }
    const [running, stopRequested = '', ...ids] = reply;
    // The stop flag backs up the pub/sub message, which a reconnecting subscriber can miss.
    if (running !== 1 || stopRequested !== '') this.#stop.abort();
    if (running !== 1) {
      this.#done();
      // A turn missing after the connection broke was lost with Redis's data, not ended.
      if (this.#context.breaks.count !== this.#breaksAtStart) {
        throw storeUnavailable(new Error('the turn was lost when the connection to Redis broke'));
      }
      throw new TurnEndedError(this.turnId);
    }
    return ids;
  }

  /** The turn has ended, or is taken for ended: followers here go on from Redis. */
  #done(): void {
    this.feed.close();
    this.#release();
  }
}
