/** The listeners of a store: who hears of its changes. */
export class Listeners {
  readonly #listeners = new Set<() => void>();

  /** Calls `listener` on every {@link Listeners.notify}. Returns the function that unsubscribes. */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  /** Calls every listener; one that unsubscribes meanwhile is still called this time. */
  notify(): void {
    for (const listener of [...this.#listeners]) listener();
  }
}
