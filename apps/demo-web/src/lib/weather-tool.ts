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
  sky: string;
}

const SKIES = ['clear', 'a few clouds', 'cloudy', 'drizzle', 'showers', 'fog', 'breezy'];

/**
 * Runs the page's tools: the weather tool answers with made-up but stable figures (the same
 * city always gets the same weather), standing in for a call to a weather service.
 */
export function runTool({ toolCall, args }: ChatToolCallEvent): WeatherReport {
  if (toolCall.name !== WEATHER_TOOL.function.name) {
    throw new Error(`The page has no tool named ${toolCall.name}.`);
  }
  const { city, unit } = (args ?? {}) as { city?: unknown; unit?: unknown };
  if (typeof city !== 'string' || city.trim() === '') throw new Error('A city is required.');
  let seed = 0;
  for (const letter of city.trim().toLowerCase()) seed = (seed * 31 + letter.charCodeAt(0)) % 9973;
  const celsius = (seed % 30) - 2;
  const fahrenheit = unit === 'fahrenheit';
  return {
    city: city.trim(),
    temperature: fahrenheit ? Math.round(celsius * 1.8 + 32) : celsius,
    unit: fahrenheit ? 'fahrenheit' : 'celsius',
    sky: SKIES[seed % SKIES.length] ?? 'clear',
  };
}
