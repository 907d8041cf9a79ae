import type { ChatStoreLifecycle } from './chat-store-lifecycle.js';

/**
 * Counts the users of a store and releases it once the last one has left, one turn of the event
 * loop later, so that a remount in the same commit (React StrictMode) keeps what is in flight.
 */
export class Retention {
  readonly #release: () => void;
  readonly #lifecycle: ChatStoreLifecycle;
  #users = 0;
  #released = false;
  #releaseTimer: ReturnType<typeof setTimeout> | undefined;

  /**
   * @param release - What the store does when its last user is gone (abort the request in
   *   flight); called before `lifecycle.onRelease`.
   * @param lifecycle - The hooks of the registry that handed the store out.
   */
  constructor(release: () => void, lifecycle: ChatStoreLifecycle) {
    this.#release = release;
    this.#lifecycle = lifecycle;
  }

  /** Counts one more user; returns the function that ends that use (once, however often called). */
  retain(): () => void {
    if (this.#users++ === 0 && this.#released) {
      this.#released = false;
      this.#lifecycle.onReuse?.();
    }
    clearTimeout(this.#releaseTimer);
    this.#releaseTimer = undefined;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (--this.#users > 0) return;
      this.#releaseTimer = setTimeout(() => {
        this.#releaseTimer = undefined;
        if (this.#users > 0) return;
        this.#release();
        this.#released = true;
        this.#lifecycle.onRelease?.();
      }, 0);
    };
  }
}
