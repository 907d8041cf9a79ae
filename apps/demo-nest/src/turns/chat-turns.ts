import { MemoryTurnStore, type TurnStore } from '@chatwire/core/server';
import { RedisTurnStore } from '@chatwire/redis';
import type { BeforeApplicationShutdown } from '@nestjs/common';
import type { ConfigService } from '@nestjs/config';
import { createClient } from 'redis';

/**
 * Where the chat endpoint records its turns, decided once from the configuration: a
 * `RedisTurnStore` when `REDIS_URL` is set, so that several instances of the demo (Nest or
 * Express) share their turns, else a `MemoryTurnStore` of this process.
 * `TURN_PRODUCER_TIMEOUT_MS` sets how long a running turn's server may stay silent before its
 * followers are told it was lost. The store is closed when the application shuts down.
 */
export class ChatTurns implements BeforeApplicationShutdown {
  private constructor(
    /** The store the chat endpoint records its turns in. */
    readonly store: TurnStore,
    /** One line saying where turns are recorded. */
    readonly description: string,
  ) {}

  /** Reads `REDIS_URL` and `TURN_PRODUCER_TIMEOUT_MS`. */
  static fromConfig(config: ConfigService): ChatTurns {
    const producerTimeoutMs = positiveNumber(config, 'TURN_PRODUCER_TIMEOUT_MS');
    const url = config.get<string>('REDIS_URL')?.trim();
    if (url) {
      return new ChatTurns(
        new RedisTurnStore({ client: createClient({ url }), producerTimeoutMs }),
        `Redis at ${redactedUrl(url)}`,
      );
    }
    return new ChatTurns(
      new MemoryTurnStore({ producerTimeoutMs }),
      'this process (set REDIS_URL to share them)',
    );
  }

  /**
   * Closed before the rest of the application: the turns still running here end at once (as
   * `store_closed` for their followers on other instances) and their upstream calls are
   * aborted, where the chatwire client's shutdown would otherwise wait for them to finish.
   */
  async beforeApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

function positiveNumber(config: ConfigService, name: string): number | undefined {
  const raw = config.get<string>(name)?.trim();
  if (!raw) return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    throw new RangeError(
      `${name} must be a number of milliseconds above 0, got ${JSON.stringify(raw)}.`,
    );
  }
  return value;
}

/** The URL without its password, for the startup log. */
function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'REDIS_URL';
  }
}
