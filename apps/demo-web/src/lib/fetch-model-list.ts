import { FALLBACK_MODEL_LIST, type ModelList } from './models.js';

function isModelList(value: unknown): value is ModelList {
  const candidate = value as Partial<ModelList> | null;
  return (
    Array.isArray(candidate?.models) &&
    candidate.models.length > 0 &&
    candidate.models.every((model) => typeof model === 'string') &&
    typeof candidate.defaultModel === 'string' &&
    typeof candidate.emulator === 'boolean'
  );
}

/**
 * Asks the API which models its chat endpoint accepts. Any failure (an older API without the
 * route, a network error, an unexpected body) gives {@link FALLBACK_MODEL_LIST}, so the page
 * still works with the default model.
 */
export async function fetchModelList(url: string, signal: AbortSignal): Promise<ModelList> {
  try {
    const response = await fetch(url, { signal, headers: { accept: 'application/json' } });
    if (!response.ok) return FALLBACK_MODEL_LIST;
    const body: unknown = await response.json();
    return isModelList(body) ? body : FALLBACK_MODEL_LIST;
  } catch {
    return FALLBACK_MODEL_LIST;
  }
}
