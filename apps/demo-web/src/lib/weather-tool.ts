import type { ChatToolCallEvent } from '@chatwire/react';

/** The weather tool as the model sees it, sent in every request's `tools`. */
export const WEATHER_TOOL = {
  type: 'function',
  function: {
    name: 'get_weather',
    description: 'Get the current weather in a city.',
    parameters: {
      type: 'object',
      properties: {
        city: { type: 'string', description: 'The city name, e.g. Lisbon' },
        unit: { type: 'string', enum: ['celsius', 'fahrenheit'] },
      },
      required: ['city'],
      additionalProperties: false,
    },
  },
} as const;

/** What the weather tool returns to the model. */
export interface WeatherReport {
  city: string;
  temperature: number;
  unit: 'celsius' | 'fahrenheit';
  conditions: string;
}

// This formula is repeated, unchanged, in demo-express and demo-nest (their server-side
// weather tool), so that the tool gives the same answer wherever it runs. Change all three
// together.
const CONDITIONS = ['sunny', 'partly cloudy', 'overcast', 'light rain', 'windy', 'snow showers'];

/** The same number for the same text (FNV-1a), so that a city always gets the same weather. */
function hashOf(text: string): number {
  let hash = 2166136261;
  for (const character of text.toLowerCase()) {
    hash = Math.imul(hash ^ character.charCodeAt(0), 16777619) >>> 0;
  }
  return hash;
}

/** The made-up but stable weather of a city, standing in for a call to a weather service. */
export function weatherOf(city: string, unit: 'celsius' | 'fahrenheit' = 'celsius'): WeatherReport {
  const name = city.trim();
  const hash = hashOf(name);
  const celsius = (hash % 35) - 5;
  return {
    city: name,
    temperature: unit === 'fahrenheit' ? Math.round((celsius * 9) / 5 + 32) : celsius,
    unit,
    conditions: CONDITIONS[hash % CONDITIONS.length] ?? 'sunny',
  };
}

/** Runs the page's tools in the browser: only the weather tool. */
export function runTool({ toolCall, args }: ChatToolCallEvent): WeatherReport {
  if (toolCall.name !== WEATHER_TOOL.function.name) {
    throw new Error(`The page has no tool named ${toolCall.name}.`);
  }
  const { city, unit } = (args ?? {}) as { city?: unknown; unit?: unknown };
  if (typeof city !== 'string' || city.trim() === '') throw new Error('A city is required.');
  return weatherOf(city, unit === 'fahrenheit' ? 'fahrenheit' : 'celsius');
}
