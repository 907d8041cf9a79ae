import { MemoryTurnStore, type TurnStore } from '@chatwire/core/server';
import { RedisTurnStore } from '@chatwire/redis';
import { createClient } from 'redis';

/** Where the demo records its chat turns, and how to let go of it. */
export interface DemoTurnStore {
  store: TurnStore;
  /** One line saying where turns are recorded. */
  description: string;
  close(): Promise<void>;
}

/**
 * With `REDIS_URL` set, a `RedisTurnStore` on that Redis, so that several instances of the demo
 * (Express or Nest) share their turns: a turn started on one resumes, attaches and stops on any
 * other. Without it, a `MemoryTurnStore` of this process. `TURN_PRODUCER_TIMEOUT_MS` sets how
 * long a running turn's server may stay silent before its followers are told it was lost.
 */
export function createTurnStore(env: NodeJS.ProcessEnv): DemoTurnStore {
  const producerTimeoutMs = positiveNumber(env, 'TURN_PRODUCER_TIMEOUT_MS');
  const url = env.REDIS_URL?.trim();
  const store: TurnStore = url
    ? new RedisTurnStore({ client: createClient({ url }), producerTimeoutMs })
    : new MemoryTurnStore({ producerTimeoutMs });
  return {
    store,
    description: url
      ? `Redis at ${redactedUrl(url)}`
      : 'this process (set REDIS_URL to share them)',
    close: () => store.close(),
  };
}

function positiveNumber(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = env[name]?.trim();
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
