/**
 * Facts the scripted assistant reads from the user's words: place names, numbers and which words
 * appear, so that generated arguments and answers reflect what was asked.
 */

const KNOWN_CITIES = [
  'Amsterdam',
  'Athens',
  'Bangkok',
  'Barcelona',
  'Beijing',
  'Berlin',
  'Boston',
  'Buenos Aires',
  'Cairo',
  'Chicago',
  'Delhi',
  'Dubai',
  'Dublin',
  'Hong Kong',
  'Istanbul',
  'Lagos',
  'Lisbon',
  'London',
  'Los Angeles',
  'Madrid',
  'Mexico City',
  'Moscow',
  'Mumbai',
  'Nairobi',
  'New York',
  'Oslo',
  'Paris',
  'Prague',
  'Rome',
  'San Francisco',
  'Seoul',
  'Shanghai',
  'Singapore',
  'Stockholm',
  'Sydney',
  'Tokyo',
  'Toronto',
  'Vienna',
  'Warsaw',
  'Zurich',
];

const PLACE_LIST =
  /\b(?:in|for|at|of|to)\s+((?:[A-Z][\p{L}'-]*)(?:\s+[A-Z][\p{L}'-]*)*(?:\s*(?:,|and|&|or)\s*(?:[A-Z][\p{L}'-]*)(?:\s+[A-Z][\p{L}'-]*)*)*)/gu;

/** Place names in a text, in order of appearance, without repeats. */
export function findPlaces(text: string): string[] {
  const found: Array<{ name: string; at: number }> = [];
  for (const match of text.matchAll(PLACE_LIST)) {
    const list = match[1] ?? '';
    let offset = (match.index ?? 0) + match[0].indexOf(list);
    for (const name of list.split(/\s*(?:,|\band\b|&|\bor\b)\s*/)) {
      if (name) found.push({ name: name.trim(), at: text.indexOf(name, offset) });
      offset += name.length;
    }
  }
  const lower = text.toLowerCase();
  for (const city of KNOWN_CITIES) {
    const at = lower.indexOf(city.toLowerCase());
    if (at >= 0 && !found.some((place) => place.name.toLowerCase() === city.toLowerCase())) {
      found.push({ name: city, at });
    }
  }
  const seen = new Set<string>();
  return found
    .sort((a, b) => a.at - b.at)
    .map((place) => place.name)
    .filter((name) => {
      const key = name.toLowerCase();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** Numbers written in a text, in order. */
export function findNumbers(text: string): number[] {
  return [...text.matchAll(/-?\d+(?:\.\d+)?/g)].map((match) => Number(match[0]));
}

/** Lowercase words of a text. */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Splits an identifier such as `get_current_weather` or `getWeather` into lowercase words. */
export function identifierWords(identifier: string): string[] {
  return identifier
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}
