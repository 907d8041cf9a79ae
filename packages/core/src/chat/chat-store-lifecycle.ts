/**
 * How a registry follows the life of a `ChatStore` it hands out (see `getChatStore`):
 * the second argument of the store's constructor.
 */
export interface ChatStoreLifecycle {
  /**
   * Called once the last user (see `ChatStore.retain`) has left and none came back within the
   * same turn of the event loop, after the request in flight was aborted. A registry forgets
   * the store then.
   */
  onRelease?: () => void;
  /**
   * Called when a user arrives at a store that had been released: a component whose render
   * was slow to commit retains the store it read. A registry takes the store back then, unless
   * it already holds another one for the id.
   */
  onReuse?: () => void;
}
