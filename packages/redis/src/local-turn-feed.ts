import type { TurnEntry } from '@chatwire/core/server';

/**
 * What the producer of a turn running on this instance has recorded, in order, with the ids
 * Redis gave: followers on this instance (first of all the creator's own response) read it from
 * memory instead of asking Redis for every event. It holds one running turn's events, which
 * `maxBytes` bounds, and is dropped when the turn ends. Once it is closed without an end (the
 * turn ended elsewhere, or Redis failed), followers go on from Redis after its last event.
 */
export class LocalTurnFeed {
  readonly entries: TurnEntry[] = [];
  #closed = false;
  #wakeUps = new Set<() => void>();

  get closed(): boolean {
    return this.#closed;
  }

  /** Adds an entry recorded in Redis; nothing after an end or once closed. */
  push(entry: TurnEntry): void {
    if (this.#closed) return;
    this.entries.push(entry);
    if (entry.type === 'end') this.#closed = true;
    this.#wake();
  }

  /** No more entries come from here. */
  close(): void {
    this.#closed = true;
    this.#wake();
  }

  /** Calls `listener` at every new entry and at the close, until {@link unlisten}. */
  listen(listener: () => void): void {
    this.#wakeUps.add(listener);
  }

  unlisten(listener: () => void): void {
    this.#wakeUps.delete(listener);
  }

  #wake(): void {
    for (const wakeUp of this.#wakeUps) wakeUp();
  }
}

/** Whether stream id `a` comes after `b` (`<ms>-<seq>`, as Redis makes them). */
export function isAfter(a: string, b: string): boolean {
  const [aMs = 0, aSeq = 0] = a.split('-').map(Number);
  const [bMs = 0, bSeq = 0] = b.split('-').map(Number);
  return aMs > bMs || (aMs === bMs && aSeq > bSeq);
}

/** How a follower reads a feed. */
export interface FeedReading {
  after: string;
  signal: AbortSignal | undefined;
  /** How long to wait for an entry before asking `hasEnded`. */
  quietMs: number;
  /** Whether the turn has ended in Redis: taking a silent producer for dead ends it. */
  hasEnded: () => Promise<boolean>;
}

/**
 * Yields the feed's entries after `after` until its end, or until it closes or the turn is found
 * ended in Redis while the feed is quiet; then returns the id of the last event it yielded (or
 * `after`), for following on from Redis, or `undefined` once it yielded the end.
 */
export async function* followFeed(
  feed: LocalTurnFeed,
  { after, signal, quietMs, hasEnded }: FeedReading,
): AsyncGenerator<TurnEntry, string | undefined> {
  let next = feed.entries.findIndex((entry) => entry.type === 'end' || isAfter(entry.id, after));
  if (next === -1) next = feed.entries.length;
  let last = after;
  // One listener and one timer for the whole follow, not one per wait.
  let wakeUp: ((changed: boolean) => void) | undefined;
  const wake = (changed: boolean) => {
    const waiting = wakeUp;
    wakeUp = undefined;
    waiting?.(changed);
  };
  const changed = () => wake(true);
  const quiet = setTimeout(() => wake(false), quietMs);
  feed.listen(changed);
  signal?.addEventListener('abort', changed, { once: true });
  try {
    while (signal?.aborted !== true) {
      const entry = feed.entries[next];
      if (entry !== undefined) {
        next += 1;
        yield entry;
        if (entry.type === 'end') return undefined;
        last = entry.id;
        continue;
      }
      if (feed.closed) return last;
      quiet.refresh();
      const woken = await new Promise<boolean>((resolve) => {
        wakeUp = resolve;
      });
      if (!woken && (await hasEnded())) return last;
    }
    return undefined;
  } finally {
    clearTimeout(quiet);
    feed.unlisten(changed);
    signal?.removeEventListener('abort', changed);
  }
}
