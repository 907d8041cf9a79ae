import type { StructuredStatus } from '@chatwire/react';
import { describeError } from '../lib/error-text.js';

/** What the recipe view has to say about its request. */
export interface RecipeProgress {
  status: StructuredStatus;
  /** Whether the checked recipe has arrived. */
  checked: boolean;
  /** Whether the person pressed Stop during the last request. */
  stopped: boolean;
  refusal: string | undefined;
}

/**
 * The sentence a screen reader hears when the extraction changes state: only at the
 * transitions, not at every field that arrives.
 */
export function recipeStatusText({ status, checked, stopped, refusal }: RecipeProgress): string {
  switch (status) {
    case 'submitted':
      return 'Sending the text…';
    case 'streaming':
      return 'Extracting the recipe…';
    case 'error':
      return 'The extraction failed.';
    case 'idle':
      if (checked) return 'Recipe extracted and checked.';
      if (refusal !== undefined) return 'The model declined to extract a recipe.';
      return stopped ? 'Extraction stopped.' : '';
  }
}

/**
 * Why the extraction failed, in plain words: an answer that does not fit the recipe's fields,
 * or the same sentences as the chat for a failed request.
 */
export function recipeErrorText(error: Error): string {
  if (error.name === 'StructuredOutputError') {
    return "The answer did not fit the recipe's fields. Try again, or reword the text.";
  }
  return describeError(error).summary;
}
