import { createHash } from 'node:crypto';

/** Portkey's default cache lifetime: 7 days. */
const DEFAULT_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;

/** Bounds memory: the oldest entries go first once this many are stored. */
const MAX_ENTRIES = 1000;

/** The parts of a request that make up its cache key, as Portkey partitions its cache. */
export interface CacheKeyParts {
  /** The request body text. */
  body: string;
  /** The `x-portkey-metadata` header. */
  metadata: string | undefined;
  /** The `x-portkey-cache-namespace` header, which replaces the metadata in the key when set. */
  namespace: string | undefined;
}

/** The cache key of a request. */
export function cacheKey(parts: CacheKeyParts): string {
  const partition =
    parts.namespace !== undefined
      ? `namespace:${parts.namespace}`
      : `metadata:${parts.metadata ?? ''}`;
  return createHash('sha256').update(partition).update('\n').update(parts.body).digest('hex');
}

/** An in-memory simple (exact-match) cache of answers with a lifetime per entry. */
export class SimpleCache<T> {
  readonly #entries = new Map<string, { value: T; expiresAt: number }>();

  /** The live entry under `key`, if any. */
  get(key: string, now = Date.now()): T | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= now) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  /** Stores `value` under `key` for `maxAgeSeconds` (Portkey's default when absent). */
  set(key: string, value: T, maxAgeSeconds: number | undefined, now = Date.now()): void {
    const lifetime =
      maxAgeSeconds !== undefined && maxAgeSeconds > 0 ? maxAgeSeconds : DEFAULT_MAX_AGE_SECONDS;
    this.#entries.delete(key);
    this.#entries.set(key, { value, expiresAt: now + lifetime * 1000 });
    if (this.#entries.size > MAX_ENTRIES) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
  }
}
