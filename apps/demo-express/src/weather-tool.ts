import { defineTool } from '@chatwire/core';

const CONDITIONS = ['sunny', 'partly cloudy', 'overcast', 'light rain', 'windy', 'snow showers'];

/** The same small number for the same text, so that a city always gets the same weather. */
function hashOf(text: string): number {
  let hash = 2166136261;
  for (const character of text.toLowerCase()) {
    hash = Math.imul(hash ^ character.charCodeAt(0), 16777619) >>> 0;
  }
  return hash;
}

/** The fake weather report of a city: deterministic, so demos and tests can rely on it. */
export function weatherOf(city: string, unit: 'celsius' | 'fahrenheit' = 'celsius') {
  const hash = hashOf(city.trim());
  const celsius = (hash % 35) - 5;
  return {
    city: city.trim(),
    temperature: unit === 'celsius' ? celsius : Math.round((celsius * 9) / 5 + 32),
    unit,
    conditions: CONDITIONS[hash % CONDITIONS.length],
  };
}

/** A server-side tool the model may call: the current weather of a city (fake data). */
export const getWeather = defineTool<{ city: string; unit?: 'celsius' | 'fahrenheit' }>({
  name: 'get_weather',
  description: 'The current weather in a city.',
  parameters: {
    type: 'object',
    properties: {
      city: { type: 'string', description: 'The city, e.g. Paris' },
      unit: { type: 'string', enum: ['celsius', 'fahrenheit'] },
    },
    required: ['city'],
    additionalProperties: false,
  },
  run: ({ city, unit }) => weatherOf(city, unit),
});
