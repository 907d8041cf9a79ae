import { isAfter } from './local-turn-feed.js';
import type { RedisClient, TurnCommands } from './redis-connection.js';

/** One entry of a turn's stream as node-redis returns it. */
export interface StreamMessage {
  id: string;
  message: Record<string, string>;
}

/** The most entries one read returns per turn. */
const READ_COUNT = 200;

/** What a reader needs to know of the store. */
export interface FollowerReadersOptions {
  /** How long one blocking read waits. */
  blockMs: number;
  /** How much longer than `blockMs` a read may take before it fails. */
  commandTimeoutMs: number;
}

/** A follower waiting for entries of `key` after `after`. */
interface Waiter {
  readonly key: string;
  readonly after: string;
  readonly resolve: (messages: StreamMessage[]) => void;
  readonly reject: (error: unknown) => void;
  readonly timer: ReturnType<typeof setTimeout>;
  readonly signal: AbortSignal | undefined;
  readonly onAbort: () => void;
}

/**
 * The one connection every follower of this instance waits for new events on. A blocking
 * `XREAD` holds its connection until it returns; rather than one connection per waiting
 * follower, one read waits on the streams of all of them at once and hands each follower the
 * entries after the last one it saw. A follower that comes while the read waits on other
 * streams unblocks it (`CLIENT UNBLOCK`, once per turn of the event loop), so that the next
 * read waits on the new set; one that leaves is only forgotten. So a reconnect storm of thousands of clients costs one connection,
 * not thousands.
 */
export class FollowerReaders {
  readonly #reader: RedisClient;
  readonly #commands: TurnCommands;
  readonly #options: FollowerReadersOptions;
  readonly #waiting = new Set<Waiter>();
  /** The reader's `CLIENT ID`, asked again after each reconnection. */
  #readerId: Promise<number> | undefined;
  #reading: Promise<void> | undefined;
  /** The streams and ids the read under way waits on, while it waits. */
  #waitingOn: Map<string, string> | undefined;
  #unblockAsked = false;

  constructor(
    client: RedisClient,
    commands: TurnCommands,
    options: FollowerReadersOptions,
    onBreak: () => void,
  ) {
    this.#commands = commands;
    this.#options = options;
    this.#reader = client.duplicate();
    // node-redis reports socket errors as events; the failing read carries them to followers.
    this.#reader.on('error', onBreak);
    this.#reader.on('ready', () => {
      const id = this.#reader.clientId().then(Number);
      id.catch(() => {});
      this.#readerId = id;
    });
  }

  /** Opens the connection. */
  async connect(): Promise<void> {
    await this.#reader.connect();
  }

  /** How long one blocking read waits. */
  get blockMs(): number {
    return this.#options.blockMs;
  }

  /** Entries of `key` after `after`, waiting up to `blockMs` for some; `[]` when none came. */
  read(key: string, after: string, signal: AbortSignal | undefined): Promise<StreamMessage[]> {
    if (signal?.aborted === true) return Promise.resolve([]);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        key,
        after,
        resolve,
        reject,
        signal,
        timer: setTimeout(() => this.#settle(waiter, []), this.#options.blockMs),
        onAbort: () => this.#settle(waiter, []),
      };
      signal?.addEventListener('abort', waiter.onAbort, { once: true });
      this.#waiting.add(waiter);
      if (this.#reading === undefined) this.#reading = this.#readAll();
      else if (this.#needs(waiter)) this.#askUnblock();
    });
  }

  /** Closes the connection; reads under way fail. */
  destroy(): void {
    this.#reader.destroy();
  }

  /** Whether the read under way does not wait on what `waiter` waits for. */
  #needs({ key, after }: Waiter): boolean {
    const waitingAfter = this.#waitingOn?.get(key);
    return waitingAfter === undefined || isAfter(waitingAfter, after);
  }

  async #readAll(): Promise<void> {
    const { blockMs, commandTimeoutMs } = this.#options;
    const timed = this.#reader.withCommandOptions({ timeout: blockMs + commandTimeoutMs });
    while (this.#waiting.size > 0) {
      const streams = new Map<string, string>();
      for (const { key, after } of this.#waiting) {
        const earliest = streams.get(key);
        if (earliest === undefined || isAfter(earliest, after)) streams.set(key, after);
      }
      this.#waitingOn = streams;
      let reply: { name: string; messages: StreamMessage[] }[] | null;
      try {
        reply = (await timed.xRead(
          [...streams].map(([key, id]) => ({ key, id })),
          { BLOCK: blockMs, COUNT: READ_COUNT },
        )) as typeof reply;
      } catch (error) {
        for (const waiter of [...this.#waiting]) this.#settle(waiter, error, true);
        break;
      } finally {
        this.#waitingOn = undefined;
      }
      for (const { name, messages } of reply ?? []) this.#hand(name, messages);
    }
    this.#reading = undefined;
  }

  /** Gives each follower of `key` the entries after the last one it saw. */
  #hand(key: string, messages: readonly StreamMessage[]): void {
    for (const waiter of [...this.#waiting]) {
      if (waiter.key !== key) continue;
      const after = messages.filter(({ id }) => isAfter(id, waiter.after));
      if (after.length > 0) this.#settle(waiter, after);
    }
  }

  #settle(waiter: Waiter, outcome: StreamMessage[] | unknown, failed = false): void {
    if (!this.#waiting.delete(waiter)) return;
    clearTimeout(waiter.timer);
    waiter.signal?.removeEventListener('abort', waiter.onAbort);
    if (failed) waiter.reject(outcome);
    else waiter.resolve(outcome as StreamMessage[]);
  }

  /** Makes the read under way return, once per turn of the event loop, to wait on a new set. */
  #askUnblock(): void {
    if (this.#unblockAsked || this.#waitingOn === undefined) return;
    this.#unblockAsked = true;
    setImmediate(() => {
      this.#unblockAsked = false;
      if (this.#waitingOn === undefined) return;
      void this.#readerId?.then((id) => this.#commands.clientUnblock(id)).catch(() => {});
    });
  }
}
