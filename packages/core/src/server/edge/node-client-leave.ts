import type { ServerResponse } from 'node:http';
import type { LeaveListener } from './exchange.js';

function noop(): void {}

/**
 * Notices node's response closing before it finished: the client went away. The `AbortSignal`
 * is made only when something reads it; the upstream call's deadline listens here instead,
 * since making a signal and listening on it cost more than the rest of starting the turn.
 */
export class NodeClientLeave {
  #left = false;
  #controller: AbortController | undefined;
  #listeners: LeaveListener[] = [];

  constructor(response: ServerResponse) {
    response.once('close', () => {
      if (!response.writableFinished) this.#leave();
    });
  }

  /** Aborts when the client leaves before the answer has ended. */
  get signal(): AbortSignal {
    if (this.#controller === undefined) {
      this.#controller = new AbortController();
      if (this.#left) this.#controller.abort();
    }
    return this.#controller.signal;
  }

  /** Calls `listener` when the client leaves (at once when it has); returns the undo. */
  readonly onLeave = (listener: LeaveListener): (() => void) => {
    if (this.#left) {
      listener(undefined);
      return noop;
    }
    this.#listeners.push(listener);
    return () => {
      const index = this.#listeners.indexOf(listener);
      if (index !== -1) this.#listeners.splice(index, 1);
    };
  };

  #leave(): void {
    this.#left = true;
    this.#controller?.abort();
    const listeners = this.#listeners;
    this.#listeners = [];
    for (const listener of listeners) listener(undefined);
  }
}
