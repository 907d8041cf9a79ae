import { Allow, parse } from 'partial-json';

/**
 * What is known of a `T` while its JSON arrives: any property may be missing yet, a string may
 * be cut short, an array may lack its last items.
 */
export type DeepPartial<T> = T extends (infer Item)[]
  ? DeepPartial<Item>[]
  : T extends object
    ? { [Key in keyof T]?: DeepPartial<T[Key]> }
    : T;

// A number is only taken once it is whole, so that `12` never shows as `1` first; strings,
// arrays, objects and literals may be cut short.
const ALLOWED_PARTS = Allow.ALL & ~Allow.NUM;

/**
 * The value the beginning of a JSON text already shows (with `partial-json`), or `undefined`
 * when the text is empty so far or is not JSON.
 */
export function parsePartialJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return parse(text, ALLOWED_PARTS);
  } catch {
    return undefined;
  }
}
