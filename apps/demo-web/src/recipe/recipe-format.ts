import { jsonSchemaResponseFormat } from '@chatwire/react';

/** A recipe as the model extracts it from a text. */
export interface Recipe {
  title: string;
  servings: number;
  ingredients: { name: string; quantity: string }[];
  steps: string[];
}

/**
 * The recipe's fields as a plain JSON Schema rather than a zod schema: the validator it brings
 * is a few kilobytes, where zod would take most of the page's JavaScript budget.
 */
const RECIPE_SCHEMA = {
  type: 'object',
  properties: {
    title: { type: 'string', description: 'The name of the dish.' },
    servings: { type: 'integer', description: 'How many people it serves.' },
    ingredients: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          name: { type: 'string', description: 'The ingredient, e.g. "plain flour".' },
          quantity: { type: 'string', description: 'How much, with its unit, e.g. "200 g".' },
        },
        required: ['name', 'quantity'],
      },
    },
    steps: {
      type: 'array',
      description: 'What to do, in order, one instruction each.',
      items: { type: 'string' },
    },
  },
  required: ['title', 'servings', 'ingredients', 'steps'],
};

/** The `response_format` the recipe view asks for, made once. */
export const recipeFormat = jsonSchemaResponseFormat<Recipe>(RECIPE_SCHEMA, 'recipe', {
  description: 'A recipe extracted from the text: its title, servings, ingredients and steps.',
});
