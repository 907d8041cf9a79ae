import { createClient, jsonSchemaResponseFormat } from '@chatwire/core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '../src/index.js';

const RECIPE_SCHEMA = {
  type: 'object',
  properties: {
    title: { type: 'string' },
    servings: { type: 'integer' },
    ingredients: {
      type: 'array',
      items: {
        type: 'object',
        properties: { name: { type: 'string' }, quantity: { type: 'string' } },
        required: ['name', 'quantity'],
      },
    },
    steps: { type: 'array', items: { type: 'string' } },
  },
  required: ['title', 'servings', 'ingredients', 'steps'],
};

const PANCAKES =
  'Sunday pancakes, enough for four. Whisk 200 g of plain flour with a pinch of salt. ' +
  'Beat in 2 eggs and 300 ml of milk until smooth. Fry in a hot pan and serve warm.';

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(() => emulator.close());

async function extract(name: string, text: string): Promise<unknown> {
  const client = createClient({ baseURL: emulator.url, apiKey: 'test', maxRetries: 0 });
  const completion = await client.chat.completions.parse({
    model: 'gpt-4o-mini',
    messages: [{ role: 'user', content: text }],
    response_format: jsonSchemaResponseFormat(RECIPE_SCHEMA, name),
  });
  return completion.choices[0]?.message.parsed;
}

it('answers a format named recipe with the recipe told in the text', async () => {
  expect(await extract('recipe', PANCAKES)).toEqual({
    title: 'Sunday pancakes',
    servings: 4,
    ingredients: [
      { name: 'plain flour', quantity: '200 g' },
      { name: 'salt', quantity: 'a pinch' },
      { name: 'eggs', quantity: '2' },
      { name: 'milk', quantity: '300 ml' },
    ],
    steps: [
      'Whisk 200 g of plain flour with a pinch of salt.',
      'Beat in 2 eggs and 300 ml of milk until smooth.',
      'Fry in a hot pan and serve warm.',
    ],
  });
});

it('answers the same recipe every time, and samples for formats of other names', async () => {
  expect(await extract('recipe', PANCAKES)).toEqual(await extract('recipe', PANCAKES));
  expect(await extract('dish', PANCAKES)).toMatchObject({ title: 'title', steps: ['steps'] });
});
