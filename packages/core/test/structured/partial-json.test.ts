import { describe, expect, it } from 'vitest';
import { parsePartialJson } from '../../src/index.js';

const whole = JSON.stringify({
  title: 'Pancakes "fluffy"\nstyle',
  servings: 12,
  ingredients: [
    { name: 'flour', grams: 250.5 },
    { name: 'milk', vegan: false, brand: null },
  ],
  steps: ['Mix', 'Fry'],
});

/** The shape of a value: what a later partial value must still hold. */
function holds(earlier: unknown, later: unknown): boolean {
  if (typeof earlier === 'string') return typeof later === 'string' && later.startsWith(earlier);
  if (Array.isArray(earlier)) {
    return (
      Array.isArray(later) &&
      later.length >= earlier.length &&
      earlier.every((item, i) => holds(item, later[i]))
    );
  }
  if (typeof earlier === 'object' && earlier !== null) {
    return (
      typeof later === 'object' &&
      later !== null &&
      Object.entries(earlier).every(([key, value]) =>
        holds(value, (later as Record<string, unknown>)[key]),
      )
    );
  }
  return Object.is(earlier, later);
}

describe('parsePartialJson', () => {
  it('every longer prefix of a JSON text shows at least what the shorter one showed', () => {
    let previous: unknown;
    for (let end = 1; end <= whole.length; end++) {
      const partial = parsePartialJson(whole.slice(0, end));
      if (partial === undefined) continue;
      if (previous !== undefined) expect(holds(previous, partial)).toBe(true);
      previous = partial;
    }
    expect(previous).toEqual(JSON.parse(whole));
  });

  it('shows a number only once it is whole', () => {
    expect(parsePartialJson('{"servings": 1')).toEqual({});
    expect(parsePartialJson('{"servings": 12,')).toEqual({ servings: 12 });
  });

  it('shows nothing for empty text or text that is not JSON', () => {
    expect(parsePartialJson('  ')).toBeUndefined();
    expect(parsePartialJson('Sorry, no.')).toBeUndefined();
  });
});
