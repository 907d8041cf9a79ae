import { useEffect, useState } from 'react';
import { fetchModelList } from './fetch-model-list.js';
import { FALLBACK_MODEL_LIST, type ModelList } from './models.js';

/** The API's model list, and whether it is still being fetched. */
export interface ModelListState {
  list: ModelList;
  loading: boolean;
}

/** Fetches the models the API accepts once, when the page opens. */
export function useModelList(url: string): ModelListState {
  const [state, setState] = useState<ModelListState>({
    list: FALLBACK_MODEL_LIST,
    loading: true,
  });
  useEffect(() => {
    const controller = new AbortController();
    void fetchModelList(url, controller.signal).then((list) => {
      if (!controller.signal.aborted) setState({ list, loading: false });
    });
    return () => controller.abort();
  }, [url]);
  return state;
}
