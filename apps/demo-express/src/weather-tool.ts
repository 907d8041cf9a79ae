import { defineTool } from '@chatwire/core';

/** What the weather tool returns to the model. */
export interface WeatherReport {
  city: string;
  temperature: number;
  unit: 'celsius' | 'fahrenheit';
  conditions: string;
}

// This formula is repeated, unchanged, in demo-nest and in demo-web's browser-side tool, so
// that the tool gives the same answer wherever it runs. Change all three together.
const CONDITIONS = ['sunny', 'partly cloudy', 'overcast', 'light rain', 'windy', 'snow showers'];

/** The same number for the same text (FNV-1a), so that a city always gets the same weather. */
function hashOf(text: string): number {
  let hash = 2166136261;
  for (const character of text.toLowerCase()) {
    hash = Math.imul(hash ^ character.charCodeAt(0), 16777619) >>> 0;
  }
  return hash;
}

/** The fake weather report of a city: deterministic, so demos and tests can rely on it. */
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

/** A server-side tool the model may call: the current weather of a city (fake data). */
export const getWeather = defineTool<{ city: string; unit?: 'celsius' | 'fahrenheit' }>({
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
  run: ({ city, unit }) => weatherOf(city, unit),
});
