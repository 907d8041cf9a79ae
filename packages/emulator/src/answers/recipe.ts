import type { SampleHint } from '../json-schema-sample.js';

/** A recipe read from a text, in the fields apps usually ask for. */
export interface TextRecipe {
  title: string;
  servings: number;
  ingredients: { name: string; quantity: string }[];
  steps: string[];
}

const NUMBER_WORDS = 'one two three four five six seven eight nine ten eleven twelve'.split(' ');
const UNIT = '(?:k?g|ml|l|cl|oz|lb|cups?|teaspoons?|tablespoons?|tsp|tbsp|cloves?|slices?)';
const QUANTITY = new RegExp(
  `\\b(\\d+(?:[.,/]\\d+)?(?: ?${UNIT}\\b)?|an? (?:pinch|handful|dash|knob|splash))(?: of)? ((?:(?!and\\b|with\\b|until\\b|then\\b|over\\b|into\\b|in\\b)[a-z-]+ ?){1,3})`,
  'gi',
);
const SERVINGS = /\b(?:for|serves|feeds|serving)\s+(\d+|[a-z]+)\b/i;

function sentencesOf(text: string): string[] {
  return (text.match(/[^.!?]+[.!?]?/g) ?? []).map((sentence) => sentence.trim()).filter(Boolean);
}

function servingsOf(text: string): number {
  const said = text.match(SERVINGS)?.[1]?.toLowerCase() ?? '';
  const count = /^\d+$/.test(said) ? Number(said) : NUMBER_WORDS.indexOf(said) + 1;
  return count > 0 ? count : 2;
}

function titleOf(firstSentence: string): string {
  const clause = firstSentence.split(/[,.:;!?]/)[0]?.trim() ?? '';
  const title = clause.split(/\s+/).length <= 6 ? clause : 'A recipe from your text';
  return title.charAt(0).toUpperCase() + title.slice(1);
}

/**
 * Reads a recipe from a text deterministically: the first clause as its title, "for four" as
 * its servings, every "200 g of flour" as an ingredient and the sentences after the first as
 * its steps (the only sentence, when there is one).
 */
export function readRecipe(text: string): TextRecipe {
  const sentences = sentencesOf(text);
  const ingredients = [...text.matchAll(QUANTITY)].map((match) => ({
    name: (match[2] ?? '').trim(),
    quantity: (match[1] ?? '').trim(),
  }));
  return {
    title: titleOf(sentences[0] ?? ''),
    servings: servingsOf(text),
    ingredients,
    steps: sentences.length > 1 ? sentences.slice(1) : sentences,
  };
}

function isObjectWith(schema: unknown, keys: readonly string[]): boolean {
  const properties = (schema as { properties?: Record<string, unknown> } | undefined)?.properties;
  return properties !== undefined && keys.every((key) => key in properties);
}

/**
 * Fills a recipe schema's `title`, `servings`, `ingredients` (objects with `name` and
 * `quantity`) and `steps` (strings) from the recipe in `text`, where their types fit; every
 * other spot is left to the sampler.
 */
export function recipeHint(text: string): SampleHint {
  const recipe = readRecipe(text);
  return (path, schema) => {
    if (path.length !== 1) return undefined;
    const items = schema.items as { type?: unknown } | undefined;
    switch (path[0]) {
      case 'title':
        return schema.type === 'string' ? recipe.title : undefined;
      case 'servings':
        return schema.type === 'integer' || schema.type === 'number' ? recipe.servings : undefined;
      case 'ingredients':
        return schema.type === 'array' && isObjectWith(items, ['name', 'quantity'])
          ? recipe.ingredients
          : undefined;
      case 'steps':
        return schema.type === 'array' && items?.type === 'string' ? recipe.steps : undefined;
      default:
        return undefined;
    }
  };
}
