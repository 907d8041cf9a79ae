import type { ChatMessage } from '../chat-request.js';
import { identifierWords } from '../text-facts.js';
import { listOf, type Phrasebook, quote, type ToolFacts, type WeatherFacts } from './phrasebook.js';

type Json = Record<string, unknown>;

const MAX_FIELDS = 6;
const PLACE_NAMES = ['city', 'location', 'place', 'town'];

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function firstOf(result: Json, names: readonly string[]): unknown {
  const key = Object.keys(result).find((name) => names.includes(name.toLowerCase()));
  return key === undefined ? undefined : result[key];
}

function unitOf(value: unknown): WeatherFacts['unit'] {
  const unit = typeof value === 'string' ? value.toLowerCase().replace('°', '') : '';
  if (['celsius', 'c', 'metric'].includes(unit)) return '°C';
  if (['fahrenheit', 'f', 'imperial'].includes(unit)) return '°F';
  return undefined;
}

function weatherFacts(result: Json, args: string): WeatherFacts | undefined {
  const temperature = Number(firstOf(result, ['temperature', 'temp']));
  if (firstOf(result, ['temperature', 'temp']) === undefined || !Number.isFinite(temperature)) {
    return undefined;
  }
  const conditions = firstOf(result, [
    'conditions',
    'condition',
    'forecast',
    'sky',
    'description',
    'summary',
    'weather',
  ]);
  const asked = parse(args);
  const place =
    firstOf(result, PLACE_NAMES) ?? (isObject(asked) ? firstOf(asked, PLACE_NAMES) : undefined);
  return {
    temperature,
    unit: unitOf(firstOf(result, ['unit', 'units'])),
    conditions: typeof conditions === 'string' ? conditions : undefined,
    place: typeof place === 'string' && place.trim() ? place.trim() : undefined,
  };
}

function readable(value: unknown): string {
  if (typeof value === 'string') return quote(value, 16);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) {
    const simple = value.every((item) => typeof item !== 'object' || item === null);
    return simple && value.length <= 5
      ? listOf(value.map(readable), 'and')
      : `${value.length} items`;
  }
  return `${Object.keys(value).length} fields`;
}

function errorOf(result: Json): string | undefined {
  const error = result.error;
  if (typeof error === 'string') return error;
  return isObject(error) && typeof error.message === 'string' ? error.message : undefined;
}

function toolFacts(tool: string, text: string): ToolFacts {
  const result = parse(text);
  if (!isObject(result)) {
    const plain = result === undefined ? quote(text, 40) : readable(result);
    return { tool, fields: [], plain, error: undefined };
  }
  const fields = Object.entries(result)
    .slice(0, MAX_FIELDS)
    .map(([name, value]) => [identifierWords(name).join(' ') || name, readable(value)] as const);
  return { tool, fields, plain: undefined, error: errorOf(result) };
}

/**
 * Answers the tool results that end the conversation with one sentence each: a weather report
 * reads "It's 21 °C and sunny in Paris.", any other result names its values.
 */
export function answerToolResults(messages: readonly ChatMessage[], phrases: Phrasebook): string {
  const results: ChatMessage[] = [];
  for (let i = messages.length - 1; i >= 0 && messages[i]?.role === 'tool'; i--) {
    const message = messages[i];
    if (message) results.unshift(message);
  }
  const calls = new Map(
    messages.flatMap((message) => message.toolCalls).map((call) => [call.id, call] as const),
  );
  return results
    .map((result) => {
      const call = result.toolCallId ? calls.get(result.toolCallId) : undefined;
      const parsed = parse(result.text);
      const weather = isObject(parsed) ? weatherFacts(parsed, call?.arguments ?? '') : undefined;
      if (weather) return phrases.weather(weather);
      const tool = call ? identifierWords(call.name).join(' ') : 'last';
      return phrases.toolResult(toolFacts(tool, result.text.trim()));
    })
    .join(' ');
}
