import { randomUUID } from 'node:crypto';
import { InvalidOptionError } from '@chatwire/core';
import {
  type CreatedTurn,
  type CreateTurnInit,
  type FollowTurnOptions,
  producerLostOutcome,
  resolveTurnStoreOptions,
  type TurnEntry,
  type TurnInfo,
  TurnNotFoundError,
  type TurnStore,
  type TurnStoreOptions,
} from '@chatwire/core/server';
import { followTurn } from './follow-turn.js';
import { FollowerReaders } from './follower-readers.js';
import {
  type RedisClient,
  type RedisTurnContext,
  runningTtlMs,
  turnCommandsLike,
} from './redis-connection.js';
import { RedisKeys } from './redis-keys.js';
import { RedisTurnProducer } from './redis-turn-producer.js';
import { storeUnavailable } from './store-unavailable.js';
import { type TurnHash, turnInfoOf } from './turn-hash.js';

/** Options of {@link RedisTurnStore}. */
export interface RedisTurnStoreOptions extends TurnStoreOptions {
  /**
   * A node-redis client (`createClient({ url })` from `redis`), connected or not. The store
   * never uses or closes it: it opens three connections with its settings, one for commands,
   * one for stop messages, and one that every follower of this instance waits for new events on
   * (one blocking read on all their streams at once).
   */
  client: RedisClient;
  /** Prepended to every key and channel, to share one Redis with other data. */
  keyPrefix?: string;
  /**
   * Milliseconds a command may wait, also while the connection is being re-established, before
   * it fails with `TurnStoreUnavailableError`.
   */
  commandTimeoutMs?: number;
}

/** The key prefix when `keyPrefix` is not given. */
export const DEFAULT_REDIS_KEY_PREFIX = 'chatwire:turn:';

/** The command timeout, in milliseconds, when `commandTimeoutMs` is not given. */
export const DEFAULT_REDIS_COMMAND_TIMEOUT_MS = 5_000;

const EVENT_ID = /^\d{1,20}-\d{1,20}$/;

interface Connections {
  context: RedisTurnContext;
  subscriber: RedisClient;
}

/**
 * A {@link TurnStore} on Redis Streams, shared by every server instance that uses the same
 * Redis: a turn created on one instance is followed and stopped from any other.
 */
export class RedisTurnStore implements TurnStore {
  readonly #client: RedisClient;
  readonly #keys: RedisKeys;
  readonly #options: ReturnType<typeof resolveTurnStoreOptions>;
  readonly #commandTimeoutMs: number;
  /** The producers running on this instance, by turn id. */
  readonly #producers = new Map<string, RedisTurnProducer>();
  #connections: Promise<Connections> | undefined;

  constructor(options: RedisTurnStoreOptions) {
    this.#client = options.client;
    this.#keys = new RedisKeys(options.keyPrefix ?? DEFAULT_REDIS_KEY_PREFIX);
    this.#options = resolveTurnStoreOptions(options);
    this.#commandTimeoutMs = options.commandTimeoutMs ?? DEFAULT_REDIS_COMMAND_TIMEOUT_MS;
  }

  async create({ owner, key }: CreateTurnInit): Promise<CreatedTurn> {
    const { context } = await this.#connect();
    const idempotencyKey = this.#keys.idempotency(owner, key);
    const candidate = randomUUID();
    const createdAt = Date.now();
    try {
      const [created, turnId] = (await context.commands.createTurn(
        [idempotencyKey, this.#keys.turn(candidate), this.#keys.alive(candidate)],
        [
          candidate,
          owner,
          key,
          String(createdAt),
          String(runningTtlMs(this.#options)),
          String(this.#options.producerTimeoutMs),
        ],
      )) as [number, string];
      if (created !== 1) return { turn: await this.get(turnId, owner), producer: undefined };
      const release = () => this.#producers.delete(turnId);
      const producer = new RedisTurnProducer(
        turnId,
        idempotencyKey,
        context,
        new AbortController(),
        release,
      );
      this.#producers.set(turnId, producer);
      return { turn: { id: turnId, key, status: 'running', createdAt }, producer };
    } catch (error) {
      throw storeUnavailable(error);
    }
  }

  async get(turnId: string, owner: string): Promise<TurnInfo> {
    const { context } = await this.#connect();
    try {
      const info = await this.#read(turnId, owner);
      if (info.status !== 'running') return info;
      const ended = await context.commands.endTurn(this.#turnKeys(turnId, owner, info.key), [
        JSON.stringify(producerLostOutcome(this.#options.producerTimeoutMs)),
        'failed',
        String(this.#options.ttlMs),
        '1',
      ]);
      return ended === 1 ? await this.#read(turnId, owner) : info;
    } catch (error) {
      throw storeUnavailable(error);
    }
  }

  async follow(
    turnId: string,
    owner: string,
    options: FollowTurnOptions = {},
  ): Promise<AsyncIterable<TurnEntry>> {
    const after = options.after ?? '0-0';
    if (!EVENT_ID.test(after)) {
      throw new InvalidOptionError(
        'after',
        `${JSON.stringify(after)} is not an event id of this turn.`,
      );
    }
    const { context } = await this.#connect();
    const info = await this.#read(turnId, owner).catch((error: unknown) => {
      throw storeUnavailable(error);
    });
    const idempotencyKey = this.#keys.idempotency(owner, info.key);
    const feed = this.#producers.get(turnId)?.feed;
    return followTurn(context, { turnId, idempotencyKey, after, signal: options.signal, feed });
  }

  async stop(turnId: string, owner: string): Promise<TurnInfo> {
    const { context } = await this.#connect();
    try {
      const found = await context.commands.stopTurn(
        [this.#keys.turn(turnId)],
        [turnId, this.#keys.stopChannel, owner],
      );
      if (found !== 1) throw new TurnNotFoundError(turnId);
      return await this.#read(turnId, owner);
    } catch (error) {
      throw storeUnavailable(error);
    }
  }

  async close(): Promise<void> {
    const connections = this.#connections;
    this.#connections = undefined;
    const running = [...this.#producers.values()];
    this.#producers.clear();
    // Their followers on other instances get the end now, not `producer_lost` later.
    await Promise.all(running.map((producer) => producer.endForClose()));
    if (connections === undefined) return;
    const { context, subscriber } = await connections.catch(() => ({
      context: undefined,
      subscriber: undefined,
    }));
    context?.commands.destroy();
    context?.readers.destroy();
    subscriber?.destroy();
  }

  async #read(turnId: string, owner: string): Promise<TurnInfo> {
    const { context } = await this.#connect();
    const hash = (await context.commands.hGetAll(this.#keys.turn(turnId))) as TurnHash;
    const info = turnInfoOf(turnId, hash, owner);
    if (info === undefined) throw new TurnNotFoundError(turnId);
    return info;
  }

  #turnKeys(turnId: string, owner: string, key: string): string[] {
    const keys = this.#keys;
    return [
      keys.turn(turnId),
      keys.events(turnId),
      keys.alive(turnId),
      keys.idempotency(owner, key),
    ];
  }

  /** Opens the command and stop connections once; a failed attempt is retried by the next call. */
  #connect(): Promise<Connections> {
    this.#connections ??= this.#open().catch((error: unknown) => {
      this.#connections = undefined;
      throw storeUnavailable(error);
    });
    return this.#connections;
  }

  async #open(): Promise<Connections> {
    const commands = turnCommandsLike(this.#client);
    const subscriber = this.#client.duplicate();
    const breaks = { count: 0 };
    const onBreak = () => {
      breaks.count += 1;
    };
    const readers = new FollowerReaders(
      this.#client,
      commands,
      {
        blockMs: Math.max(50, Math.min(1_000, Math.floor(this.#options.producerTimeoutMs / 3))),
        commandTimeoutMs: this.#commandTimeoutMs,
      },
      onBreak,
    );
    // node-redis reports socket errors as events; the failing commands carry them to callers.
    commands.on('error', onBreak);
    subscriber.on('error', () => {});
    try {
      await withinMs(
        this.#commandTimeoutMs,
        (async () => {
          await Promise.all([commands.connect(), subscriber.connect(), readers.connect()]);
          await subscriber.subscribe(this.#keys.stopChannel, (turnId) =>
            this.#producers.get(turnId)?.requestStop(),
          );
        })(),
      );
    } catch (error) {
      commands.destroy();
      subscriber.destroy();
      readers.destroy();
      throw error;
    }
    const context: RedisTurnContext = {
      commands: commands.withCommandOptions({ timeout: this.#commandTimeoutMs }),
      producing: commands,
      commandTimeoutMs: this.#commandTimeoutMs,
      readers,
      keys: this.#keys,
      options: this.#options,
      breaks,
    };
    return { context, subscriber };
  }
}

/** `work`, or a rejection once `ms` have passed: node-redis retries a first connection forever. */
async function withinMs<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no connection to Redis within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
