import { useStructuredCompletion } from '@chatwire/react';
import { type ReactNode, useId, useRef, useState } from 'react';
import { Icon } from '../components/Icon.js';
import { EXAMPLE_RECIPE_TEXT } from './example-recipe-text.js';
import { RecipeCard } from './RecipeCard.js';
import { recipeFormat } from './recipe-format.js';
import { recipeErrorText, recipeStatusText } from './recipe-status-text.js';

/** Props of {@link RecipeView}. */
export interface RecipeViewProps {
  model: string;
  /** Leaves the recipe view for the chat. */
  onClose: () => void;
}

const INSTRUCTION =
  'Extract the recipe from this text. Keep the quantities as written, one step per instruction.';

/**
 * A structured answer: a text about a dish goes in, a recipe card comes out, filling in field
 * by field while the JSON streams and checked against the recipe's schema at the end. The page
 * loads this view, and the schema validator with it, only when it is opened.
 */
export default function RecipeView({ model, onClose }: RecipeViewProps): ReactNode {
  const [text, setText] = useState(EXAMPLE_RECIPE_TEXT);
  const [stopped, setStopped] = useState(false);
  const textId = useId();
  const textRef = useRef<HTMLTextAreaElement>(null);
  const recipe = useStructuredCompletion({ responseFormat: recipeFormat, body: { model } });
  const checked = recipe.object !== undefined;

  const extract = () => {
    if (text.trim() === '') return;
    setStopped(false);
    // Extract and Stop take each other's place; the focus stays on the text, one Tab away.
    textRef.current?.focus();
    void recipe.submit([
      { role: 'system', content: INSTRUCTION },
      { role: 'user', content: text },
    ]);
  };

  const stop = () => {
    setStopped(true);
    recipe.stop();
    textRef.current?.focus();
  };

  return (
    <main className="recipe-view">
      <div className="recipe-content">
        <div className="recipe-intro">
          <h2 className="recipe-view-title">Extract a recipe</h2>
          <button type="button" className="ghost-button" onClick={onClose}>
            Back to chat
          </button>
        </div>
        <p className="recipe-view-text">
          The model answers with JSON in the recipe's fields. The card fills in while it streams,
          and is checked against the schema when it is complete.
        </p>
        <form
          className="recipe-form"
          onSubmit={(event) => {
            event.preventDefault();
            extract();
          }}
        >
          <label className="recipe-label" htmlFor={textId}>
            Recipe text
          </label>
          <textarea
            id={textId}
            ref={textRef}
            className="recipe-input"
            rows={6}
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
          <div className="recipe-actions">
            {/* Keyed apart: were Stop turned into the submit button in place, the click that
                stopped would then submit the form and start again. */}
            {recipe.isLoading ? (
              <button key="stop" type="button" className="pill-button stop-button" onClick={stop}>
                <Icon name="stop" size={16} />
                Stop
              </button>
            ) : (
              <button
                key="extract"
                type="submit"
                className="pill-button primary-button"
                disabled={text.trim() === ''}
              >
                Extract
              </button>
            )}
          </div>
        </form>
        {recipe.error !== undefined && (
          <p className="recipe-error" role="alert" data-testid="recipe-error">
            {recipeErrorText(recipe.error)}
          </p>
        )}
        {recipe.refusal !== undefined && (
          <p className="recipe-refusal" data-testid="recipe-refusal">
            {recipe.refusal}
          </p>
        )}
        {recipe.partialObject === undefined ? (
          <p className="recipe-placeholder">The recipe card appears here.</p>
        ) : (
          <RecipeCard
            recipe={recipe.partialObject}
            checked={checked}
            streaming={recipe.isLoading}
          />
        )}
      </div>
      <p className="visually-hidden" role="status" aria-live="polite" data-testid="recipe-status">
        {recipeStatusText({ status: recipe.status, checked, stopped, refusal: recipe.refusal })}
      </p>
    </main>
  );
}
