import type { ChatCompletionMessageParam } from '@chatwire/core';
import {
  type StructuredRequestOptions,
  type StructuredState,
  StructuredStore,
  type StructuredStoreOptions,
} from '@chatwire/core/structured';
import { useEffect, useInsertionEffect, useMemo, useState, useSyncExternalStore } from 'react';

/**
 * Options of {@link useStructuredCompletion}: those of core's `StructuredStore`. They may be
 * passed inline on every render; the latest are used. `throttleMs` is read once.
 */
export interface UseStructuredCompletionOptions<T> extends StructuredStoreOptions<T> {}

/** What {@link useStructuredCompletion} returns: the request's state and its actions. */
export interface UseStructuredCompletionResult<T> extends StructuredState<T> {
  /** `true` while a request is in flight (`status` is `submitted` or `streaming`). */
  isLoading: boolean;
  /**
   * Asks for an object: the user's text, or the whole conversation. A request in flight is
   * stopped first.
   */
  submit: (
    input: string | ChatCompletionMessageParam[],
    options?: StructuredRequestOptions,
  ) => Promise<void>;
  /** Aborts the request in flight; what arrived of the object stays. */
  stop: () => void;
}

/**
 * A structured answer bound to a React component: it posts the messages with the
 * `responseFormat` (made by `zodResponseFormat` or `jsonSchemaResponseFormat`) to `api`
 * (default `/api/chat`), shows the object as its JSON arrives (`partialObject`, re-rendering
 * at most once per animation frame) and the object checked against the schema at the end
 * (`object`). An answer that breaks the schema ends in `error` (a `StructuredOutputError`); a
 * refusal in `refusal`. Unmounting aborts the request in flight.
 *
 * Import it only where structured answers are used: `useChatCompletion` alone does not bundle
 * it, nor zod, nor the JSON Schema validator.
 *
 * @example
 * ```tsx
 * const recipe = useStructuredCompletion({
 *   responseFormat: zodResponseFormat(Recipe, 'recipe'),
 *   body: { model: 'gpt-4o-mini' },
 * });
 * recipe.submit('Pancakes for four');
 * recipe.partialObject?.title;
 * ```
 */
export function useStructuredCompletion<T>(
  options: UseStructuredCompletionOptions<T>,
): UseStructuredCompletionResult<T> {
  const [store] = useState(() => new StructuredStore(options));
  useInsertionEffect(() => {
    store.setOptions(options);
  });
  useEffect(() => () => store.stop(), [store]);
  const actions = useMemo(
    () => ({
      submit: (input: string | ChatCompletionMessageParam[], request?: StructuredRequestOptions) =>
        store.submit(input, request),
      stop: () => store.stop(),
    }),
    [store],
  );
  const state = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getServerSnapshot);
  const isLoading = state.status === 'submitted' || state.status === 'streaming';
  return { ...state, ...actions, isLoading };
}
