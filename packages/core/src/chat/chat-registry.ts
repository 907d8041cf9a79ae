import { ChatStore } from './chat-store.js';
import type { ChatStoreOptions } from './chat-store-options.js';

const stores = new Map<string, ChatStore>();

/**
 * Returns the store of the chat `id`, creating it with `options` the first time, so that every
 * part of a page that names the same id shares one conversation (and one set of options: see
 * `ChatStoreOptions.id`).
 *
 * A store is forgotten once its last user leaves ({@link ChatStore.retain} or
 * {@link ChatStore.connect}; its request is aborted then), and the next call starts a fresh
 * one. A new store that nobody retains within one turn of the event loop is forgotten the same
 * way, so that a UI render that is thrown away before it commits leaves nothing behind; a
 * store retained after that is taken back while no other store holds its id.
 */
export function getChatStore(id: string, options: ChatStoreOptions = {}): ChatStore {
  const existing = stores.get(id);
  if (existing !== undefined) return existing;
  const store = new ChatStore(
    { ...options, id },
    {
      onRelease: () => {
        if (stores.get(id) === store) stores.delete(id);
      },
      onReuse: () => {
        if (!stores.has(id)) stores.set(id, store);
      },
    },
  );
  stores.set(id, store);
  // The registry is the store's first user, for one turn: its creator retains it meanwhile.
  setTimeout(store.retain(), 0);
  return store;
}

/** Where a UI component keeps the store it made for itself between renders; a React ref fits. */
export interface ChatStoreRef {
  /** The component's own store, once made. */
  current: ChatStore | undefined;
}

/**
 * Picks the store a UI component works with, for framework adapters: in a browser, a chat with
 * an `id` uses the page-wide store of that id ({@link getChatStore}); otherwise the component
 * gets a store of its own, made on the first call and kept in `own`. On a server every
 * component gets its own store even with an id, since a page-wide registry there would carry
 * one visitor's conversation into another's response.
 */
export function resolveChatStore(options: ChatStoreOptions, own: ChatStoreRef): ChatStore {
  if (options.id !== undefined && typeof window !== 'undefined') {
    return getChatStore(options.id, options);
  }
  own.current ??= new ChatStore(options);
  return own.current;
}
