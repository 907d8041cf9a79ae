import { ChatStore } from './chat-store.js';
import type { ChatStoreOptions } from './chat-store-options.js';

const stores = new Map<string, ChatStore>();

/**
 * Returns the store of the chat `id`, creating it with `options` the first time, so that every
 * part of a page that names the same id shares one conversation. A store is forgotten once its
 * last user leaves ({@link ChatStore.retain}; its request is aborted then); the next call starts a fresh one.
 */
export function getChatStore(id: string, options: ChatStoreOptions = {}): ChatStore {
  let store = stores.get(id);
  if (store === undefined) {
    const created = new ChatStore({ ...options, id }, () => {
      if (stores.get(id) === created) stores.delete(id);
    });
    stores.set(id, created);
    store = created;
  }
  return store;
}
