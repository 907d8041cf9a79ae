import { z } from 'zod';
import {
  type UseStructuredCompletionOptions,
  useStructuredCompletion,
  zodResponseFormat,
} from '../src/index.js';

export const Recipe = z.object({
  title: z.string(),
  servings: z.number().int(),
  ingredients: z.array(z.object({ name: z.string(), quantity: z.string() })),
  steps: z.array(z.string()),
});
export type Recipe = z.infer<typeof Recipe>;

/** The format the card asks for, made once as an app would. */
export const recipeFormat = zodResponseFormat(Recipe, 'recipe');

/** A recipe card that fills in while the answer streams, as an app would write it. */
export function RecipeCard(props: {
  options: Omit<UseStructuredCompletionOptions<Recipe>, 'responseFormat'>;
  onRender?: (partial: unknown, object: Recipe | undefined) => void;
}) {
  const recipe = useStructuredCompletion({ ...props.options, responseFormat: recipeFormat });
  props.onRender?.(recipe.partialObject, recipe.object);
  return (
    <article>
      <h2 data-testid="title">{recipe.partialObject?.title ?? ''}</h2>
      <ul>
        {recipe.partialObject?.steps?.map((step, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: steps have no id and only grow
          <li key={i}>{step}</li>
        ))}
      </ul>
      <p data-testid="status">{recipe.status}</p>
      <p data-testid="checked">{recipe.object ? 'checked' : ''}</p>
      <p data-testid="refusal">{recipe.refusal ?? ''}</p>
      {recipe.error && <p role="alert">{`${recipe.error.name}: ${recipe.error.message}`}</p>}
      <button type="button" onClick={() => void recipe.submit('Pancakes for four, please.')}>
        Ask
      </button>
    </article>
  );
}
