/**
 * Function calling: the model asks for the weather, `runTools` runs the tool and sends the
 * result back, and the model answers with it.
 *
 * Run it with `pnpm --filter @chatwire/core example examples/functions.ts` and PORTKEY_API_KEY in
 * the environment, or against the local emulator with
 * PORTKEY_BASE_URL=http://127.0.0.1:8787/v1 (see the README).
 */
import { pathToFileURL } from 'node:url';
import * as z from 'zod';
// In an application: import { createClient, defineTool, runTools } from '@chatwire/core';
import { createClient, defineTool, runTools } from '../src/index.js';

/** A stand-in for a weather service, by city. */
const forecasts: Record<string, { temperature: number; forecast: string }> = {
  boston: { temperature: 22, forecast: 'sunny and windy' },
  'san francisco': { temperature: 15, forecast: 'foggy' },
};

const getCurrentWeather = defineTool({
  name: 'get_current_weather',
  description: 'Get the current weather in a given location',
  parameters: z.object({
    location: z.string().describe('The city and state, e.g. San Francisco, CA'),
    unit: z.enum(['celsius', 'fahrenheit']).default('celsius'),
  }),
  run: ({ location, unit }) => {
    // Models send "Boston, MA" as the description suggests, or just "Boston": accept both.
    const city = location.split(',')[0]?.trim().toLowerCase() ?? '';
    const found = forecasts[city];
    if (!found) throw new Error(`No weather known for ${location}.`);
    const temperature = unit === 'celsius' ? found.temperature : found.temperature * 1.8 + 32;
    return { location, unit, temperature, forecast: found.forecast };
  },
});

/** Asks about the weather in Boston, prints the answer and returns it. */
export async function main(baseURL?: string): Promise<string> {
  const portkey = createClient({ baseURL, provider: 'openai' });
  try {
    const { completion, messages } = await runTools(
      portkey,
      {
        model: 'gpt-4o-mini',
        messages: [{ role: 'user', content: 'What is the weather like in Boston today?' }],
        tool_choice: 'auto',
      },
      { tools: [getCurrentWeather] },
    );
    const answer = completion.choices[0]?.message.content ?? '';
    console.log(answer);
    console.log(`(${messages.length} messages in the conversation)`);
    return answer;
  } finally {
    await portkey.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
