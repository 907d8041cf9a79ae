import type { ChatCompletionTool } from '@chatwire/core';
import type { ChatRequest } from './chat-request.js';
import { type SampleHint, sampleJsonSchema } from './json-schema-sample.js';
import { findNumbers, findPlaces, identifierWords, words } from './text-facts.js';

/** A tool call the emulator decided to make: a function name and its JSON arguments. */
export interface PlannedToolCall {
  name: string;
  arguments: string;
}

/** Words too common in tool names to show that the user asked for that tool. */
const GENERIC_WORDS = new Set([
  'get',
  'set',
  'fetch',
  'find',
  'lookup',
  'look',
  'search',
  'list',
  'create',
  'update',
  'delete',
  'run',
  'call',
  'do',
  'make',
  'the',
  'a',
  'an',
  'of',
  'for',
  'to',
  'by',
  'current',
  'info',
  'data',
]);

const PLACE_PROPERTIES =
  /^(city|location|place|town|destination|origin|region|country|address|where)$/i;
const TEXT_PROPERTIES = /^(query|q|text|prompt|input|question|message|search|term|keywords?)$/i;
const WEATHER_WORDS = [
  'weather',
  'temperature',
  'forecast',
  'rain',
  'sunny',
  'hot',
  'cold',
  'warm',
];

function isWeatherTool(tool: ChatCompletionTool): boolean {
  const described = `${tool.function.name} ${tool.function.description ?? ''}`.toLowerCase();
  return described.includes('weather') || described.includes('forecast');
}

function parameterNames(tool: ChatCompletionTool): string[] {
  const properties = tool.function.parameters?.properties;
  return typeof properties === 'object' && properties !== null ? Object.keys(properties) : [];
}

function takesPlace(tool: ChatCompletionTool): boolean {
  return parameterNames(tool).some((name) => PLACE_PROPERTIES.test(name));
}

/** Whether the user's words ask for what this tool does. */
function isAskedFor(tool: ChatCompletionTool, text: string): boolean {
  const spoken = new Set(words(text));
  if (text.toLowerCase().includes(tool.function.name.toLowerCase())) return true;
  if (isWeatherTool(tool) && WEATHER_WORDS.some((word) => spoken.has(word))) return true;
  const significant = identifierWords(tool.function.name).filter(
    (word) => !GENERIC_WORDS.has(word),
  );
  return (
    significant.length > 0 &&
    significant.every((word) => spoken.has(word) || spoken.has(`${word}s`))
  );
}

function argumentHint(text: string, place: string | undefined): SampleHint {
  const numbers = findNumbers(text);
  const spoken = new Set(words(text));
  return (path, schema) => {
    const name = path.at(-1) ?? '';
    if (path.length !== 1) return undefined;
    if (Array.isArray(schema.enum)) {
      return schema.enum.find(
        (option) => typeof option === 'string' && spoken.has(option.toLowerCase()),
      );
    }
    const type = schema.type;
    if (type === 'string' && PLACE_PROPERTIES.test(name) && place) return place;
    if (type === 'string' && TEXT_PROPERTIES.test(name)) return text;
    if ((type === 'number' || type === 'integer') && numbers.length > 0) {
      const value = numbers.shift();
      return type === 'integer' && value !== undefined ? Math.trunc(value) : value;
    }
    return undefined;
  };
}

function callFor(
  tool: ChatCompletionTool,
  text: string,
  place: string | undefined,
): PlannedToolCall {
  const schema = tool.function.parameters ?? { type: 'object', properties: {} };
  const args = sampleJsonSchema(schema, argumentHint(text, place));
  return { name: tool.function.name, arguments: JSON.stringify(args ?? {}) };
}

function callsFor(tool: ChatCompletionTool, text: string, parallel: boolean): PlannedToolCall[] {
  const places = takesPlace(tool) ? findPlaces(text) : [];
  if (places.length <= 1) return [callFor(tool, text, places[0])];
  const chosen = parallel ? places : places.slice(0, 1);
  return chosen.map((place) => callFor(tool, text, place));
}

/**
 * Decides which tools to call for the latest user message, honouring `tool_choice` and
 * `parallel_tool_calls`. After tool results have come back (the last message is a tool message)
 * it calls nothing unless a call is forced, so that a tool loop ends with an answer.
 */
export function planToolCalls(request: ChatRequest): PlannedToolCall[] {
  const { toolChoice, tools, parallelToolCalls } = request;
  if (toolChoice.kind === 'none' || tools.length === 0) return [];
  const lastUser = [...request.messages].reverse().find((message) => message.role === 'user');
  const text = lastUser?.text ?? '';
  if (toolChoice.kind === 'named') {
    const tool = tools.find((candidate) => candidate.function.name === toolChoice.name);
    return tool ? callsFor(tool, text, parallelToolCalls) : [];
  }
  const answeringResults = request.messages.at(-1)?.role === 'tool';
  const asked = answeringResults ? [] : tools.filter((tool) => isAskedFor(tool, text));
  if (asked.length === 0) {
    const first = tools[0];
    return toolChoice.kind === 'required' && first ? callsFor(first, text, parallelToolCalls) : [];
  }
  const calls = asked.flatMap((tool) => callsFor(tool, text, parallelToolCalls));
  return parallelToolCalls ? calls : calls.slice(0, 1);
}
