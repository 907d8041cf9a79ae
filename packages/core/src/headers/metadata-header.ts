import { InvalidOptionError } from '../errors/index.js';
import { LINE_BREAK_OR_NUL, toHeaderJson } from './header-value.js';

/** The longest metadata value Portkey accepts, in UTF-16 code units. */
export const MAX_METADATA_VALUE_LENGTH = 128;

/**
 * Serialises `metadata` for `x-portkey-metadata`, or returns `undefined` when it holds no
 * entries. Refuses anything but a flat object of strings, values longer than Portkey accepts,
 * and line breaks or NUL in keys and values, which have no place in a log label.
 */
export function metadataHeaderValue(metadata: unknown): string | undefined {
  if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata)) {
    throw new InvalidOptionError(
      'metadata',
      'Portkey option "metadata" must be an object of string values.',
    );
  }
  const entries: [string, string][] = [];
  for (const [key, value] of Object.entries(metadata)) {
    const option = `metadata.${key}`;
    if (value === undefined) continue;
    if (typeof value !== 'string') {
      throw new InvalidOptionError(
        option,
        `Portkey option "${option}" must be a string, not ${describe(value)}: metadata is a flat object of strings.`,
      );
    }
    if (value.length > MAX_METADATA_VALUE_LENGTH) {
      throw new InvalidOptionError(
        option,
        `Portkey option "${option}" is ${value.length} characters long; Portkey accepts at most ${MAX_METADATA_VALUE_LENGTH}.`,
      );
    }
    if (LINE_BREAK_OR_NUL.test(key) || LINE_BREAK_OR_NUL.test(value)) {
      throw new InvalidOptionError(
        option,
        `Portkey option "${option}" contains a line break or NUL character.`,
      );
    }
    entries.push([key, value]);
  }
  return entries.length === 0 ? undefined : toHeaderJson('metadata', Object.fromEntries(entries));
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}
