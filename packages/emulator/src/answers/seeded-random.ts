import { stableHash } from '../tokens.js';

/** A pseudo-random source that repeats for the same seed text (mulberry32). */
export interface SeededRandom {
  /** A number in [0, 1). */
  next(): number;
  /** One item of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** A whole number from `min` to `max`, both included. */
  between(min: number, max: number): number;
}

/** A random source seeded by a text, so that the same request gets the same answer. */
export function seededRandom(seedText: string): SeededRandom {
  let state = stableHash(seedText);
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    pick: (items) => items[Math.floor(next() * items.length)] as (typeof items)[number],
    between: (min, max) => min + Math.floor(next() * (max - min + 1)),
  };
}
