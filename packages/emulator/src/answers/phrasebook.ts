import type { ImageFacts } from './image-facts.js';

/** A weather report read from a tool result. */
export interface WeatherFacts {
  temperature: number;
  /** `°C`, `°F`, or `undefined` when the result does not say. */
  unit: '°C' | '°F' | undefined;
  conditions: string | undefined;
  place: string | undefined;
}

/** A tool result read as named values, for tools the assistant knows nothing about. */
export interface ToolFacts {
  /** The tool's name in words, e.g. `lookup stock price`. */
  tool: string;
  /** Named values of an object result, already shortened for reading. */
  fields: Array<readonly [string, string]>;
  /** A result that was not an object: plain text, a number, a list. */
  plain: string | undefined;
  /** The message of a result that reports an error. */
  error: string | undefined;
}

/** The short answers the scripted assistant gives, in one language. */
export interface Phrasebook {
  /** What this page can show, as a short Markdown list. */
  greeting: string;
  empty: string;
  summary(text: string): string;
  imageCount(count: number): string;
  image(facts: ImageFacts, position: number, of: number): string;
  weather(facts: WeatherFacts): string;
  toolResult(facts: ToolFacts): string;
  alternative(index: number): string;
}

/** Joins items as a reader expects: "a", "a and b", "a, b and c". */
export function listOf(items: readonly string[], and: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1)}`;
}

/** Cuts a text after `maxWords` words, with an ellipsis when it was longer. */
export function quote(text: string, maxWords: number): string {
  const all = text.trim().split(/\s+/).filter(Boolean);
  const kept = all.slice(0, maxWords).join(' ');
  return all.length > maxWords ? `${kept}…` : kept;
}
