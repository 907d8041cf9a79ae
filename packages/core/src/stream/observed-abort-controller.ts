type AbortListener = (reason: unknown) => void;

// The signals of observed controllers, so that whoever is given only the signal can observe it.
const controllers = new WeakMap<AbortSignal, ObservedAbortController>();

/**
 * An `AbortController` that tells its own listeners when it aborts, so that the request and
 * the body reader can react to an abort without listening on its signal. In Node the signal is
 * made on first access, and making it and adding a listener to it cost more than the rest of
 * starting a request; with this controller a call that is never aborted pays for neither. The
 * signal works as usual for whoever reads it.
 */
export class ObservedAbortController extends AbortController {
  #aborted = false;
  #reason: unknown;
  #listeners: AbortListener[] = [];

  override get signal(): AbortSignal {
    const signal = super.signal;
    if (!controllers.has(signal)) controllers.set(signal, this);
    return signal;
  }

  /** Whether {@link abort} was called; unlike `signal.aborted`, reading it makes no signal. */
  get isAborted(): boolean {
    return this.#aborted;
  }

  /** The reason the signal carries once aborted; `undefined` before. */
  get abortReason(): unknown {
    return this.#reason;
  }

  /** Calls `listener` with the reason when the controller aborts; returns the undo. */
  onAbort(listener: AbortListener): () => void {
    this.#listeners.push(listener);
    return () => {
      const index = this.#listeners.indexOf(listener);
      if (index !== -1) this.#listeners.splice(index, 1);
    };
  }

  override abort(reason?: unknown): void {
    if (this.#aborted) return;
    this.#aborted = true;
    super.abort(reason);
    this.#reason = this.signal.reason;
    const listeners = this.#listeners;
    this.#listeners = [];
    for (const listener of listeners) listener(this.#reason);
  }
}

/**
 * Calls `listener` with the reason when `controller` aborts (at once when it already has);
 * returns the undo. Listens on the signal only when the controller is not observable.
 */
export function whenAborted(controller: AbortController, listener: AbortListener): () => void {
  if (controller instanceof ObservedAbortController) {
    if (controller.isAborted) {
      listener(controller.abortReason);
      return noop;
    }
    return controller.onAbort(listener);
  }
  return listenOnSignal(controller.signal, listener);
}

/**
 * Calls `listener` with the reason when `signal` aborts (at once when it already has); returns
 * the undo. The signal of an {@link ObservedAbortController} is observed through its controller.
 */
export function whenSignalAborts(signal: AbortSignal, listener: AbortListener): () => void {
  const controller = controllers.get(signal);
  if (controller !== undefined) return whenAborted(controller, listener);
  return listenOnSignal(signal, listener);
}

function listenOnSignal(signal: AbortSignal, listener: AbortListener): () => void {
  if (signal.aborted) {
    listener(signal.reason);
    return noop;
  }
  const onAbort = (): void => listener(signal.reason);
  signal.addEventListener('abort', onAbort, { once: true });
  return () => signal.removeEventListener('abort', onAbort);
}

function noop(): void {}
