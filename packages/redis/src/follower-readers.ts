import type { RedisClient, TurnCommands } from './redis-connection.js';

/** One entry of a turn's stream as node-redis returns it. */
export interface StreamMessage {
  id: string;
  message: Record<string, string>;
}

/** The most entries one read returns. */
const READ_COUNT = 200;

/** Idle reader connections are closed after this many milliseconds, down to one. */
const IDLE_MS = 5_000;

type ReaderPool = ReturnType<RedisClient['createPool']>;
type Reader = Parameters<Parameters<ReaderPool['execute']>[0]>[0];

/** What a reader needs to know of the store. */
export interface FollowerReadersOptions {
  /** How long one blocking read waits. */
  blockMs: number;
  /** How much longer than `blockMs` a read may take, also to get a connection, before it fails. */
  commandTimeoutMs: number;
}

/**
 * The connections followers wait for new events on. A blocking `XREAD` holds its connection
 * until it returns, so each waiting follower needs one of its own; a pool lends them, so that a
 * follower takes an idle one instead of opening a connection, and the pool closes the ones
 * left idle. A follower that leaves mid-read unblocks its read (`CLIENT UNBLOCK`), so that its
 * connection goes back to the pool at once.
 */
export class FollowerReaders {
  readonly #pool: ReaderPool;
  readonly #commands: TurnCommands;
  readonly #options: FollowerReadersOptions;
  /** Each pooled connection's `CLIENT ID`, asked once, ahead of its first read. */
  readonly #ids = new WeakMap<Reader, Promise<number | string>>();

  constructor(
    client: RedisClient,
    commands: TurnCommands,
    options: FollowerReadersOptions,
    onBreak: () => void,
  ) {
    this.#commands = commands;
    this.#options = options;
    this.#pool = client.createPool({
      minimum: 1,
      maximum: Number.MAX_SAFE_INTEGER,
      acquireTimeout: options.commandTimeoutMs,
      cleanupDelay: IDLE_MS,
    });
    // node-redis reports socket errors as events; the failing reads carry them to followers.
    this.#pool.on('error', onBreak);
  }

  /** Opens the pool's first connection. */
  async connect(): Promise<void> {
    await this.#pool.connect();
  }

  /** How long one blocking read waits. */
  get blockMs(): number {
    return this.#options.blockMs;
  }

  /** Entries of `key` after `after`, waiting up to `blockMs` for some; `[]` when none came. */
  read(key: string, after: string, signal: AbortSignal | undefined): Promise<StreamMessage[]> {
    const { blockMs, commandTimeoutMs } = this.#options;
    return this.#pool.execute(async (reader) => {
      if (signal?.aborted === true) return [];
      const id = this.#ids.get(reader) ?? reader.clientId();
      this.#ids.set(reader, id);
      const timed = reader.withCommandOptions({ timeout: blockMs + commandTimeoutMs });
      const reading = timed.xRead({ key, id: after }, { BLOCK: blockMs, COUNT: READ_COUNT });
      const unblock = () => {
        void id.then((clientId) => this.#commands.clientUnblock(Number(clientId))).catch(() => {});
      };
      signal?.addEventListener('abort', unblock, { once: true });
      try {
        const reply = (await reading) as { messages: StreamMessage[] }[] | null;
        return reply?.[0]?.messages ?? [];
      } finally {
        signal?.removeEventListener('abort', unblock);
      }
    });
  }

  /** Closes every connection; reads under way fail. */
  destroy(): void {
    this.#pool.destroy();
  }
}
