import type { DeepPartial } from '@chatwire/react';
import type { ReactNode } from 'react';
import { Icon } from '../components/Icon.js';
import type { Recipe } from './recipe-format.js';

/** Props of {@link RecipeCard}. */
export interface RecipeCardProps {
  /** What has arrived of the recipe so far. */
  recipe: DeepPartial<Recipe>;
  /** Whether the recipe is complete and checked against its schema. */
  checked: boolean;
  /** Whether more of the recipe is still arriving. */
  streaming: boolean;
}

/**
 * A recipe as a card that fills in while its JSON streams: each field shows as soon as it
 * starts arriving, and a check mark once the whole recipe passed the schema.
 */
export function RecipeCard({ recipe, checked, streaming }: RecipeCardProps): ReactNode {
  const ingredients = recipe.ingredients ?? [];
  const steps = recipe.steps ?? [];
  return (
    <article className="recipe-card" data-testid="recipe-card" aria-busy={streaming}>
      <div className="recipe-card-head">
        <h3 className="recipe-title" data-testid="recipe-title">
          {recipe.title ?? ''}
        </h3>
        {checked && (
          <span className="recipe-checked" data-testid="recipe-checked">
            <Icon name="check" size={16} />
            Checked
          </span>
        )}
      </div>
      {recipe.servings !== undefined && (
        <p className="recipe-servings" data-testid="recipe-servings">
          Serves {recipe.servings}
        </p>
      )}
      <h4 className="recipe-section">Ingredients</h4>
      <ul className="recipe-ingredients" data-testid="recipe-ingredients">
        {ingredients.map((ingredient, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: ingredients have no id and only grow
          <li key={index}>
            {ingredient?.quantity && <span className="recipe-quantity">{ingredient.quantity}</span>}{' '}
            {ingredient?.name}
          </li>
        ))}
      </ul>
      <h4 className="recipe-section">Steps</h4>
      <ol className="recipe-steps" data-testid="recipe-steps">
        {steps.map((step, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: steps have no id and only grow
          <li key={index}>{step}</li>
        ))}
      </ol>
    </article>
  );
}
