import type { ChatState, ChatStore } from '../../src/chat/index.js';

/** Resolves with the first snapshot that satisfies `predicate`; rejects after `timeoutMs`. */
export function waitForState(
  store: ChatStore,
  predicate: (state: ChatState) => boolean,
  timeoutMs = 5_000,
): Promise<ChatState> {
  return new Promise((resolve, reject) => {
    if (predicate(store.getSnapshot())) return resolve(store.getSnapshot());
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`state not reached; last: ${JSON.stringify(store.getSnapshot())}`));
    }, timeoutMs);
    const unsubscribe = store.subscribe(() => {
      const state = store.getSnapshot();
      if (!predicate(state)) return;
      clearTimeout(timer);
      unsubscribe();
      resolve(state);
    });
  });
}
