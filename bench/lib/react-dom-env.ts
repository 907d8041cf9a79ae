import { Window } from 'happy-dom';

/** The length of one animation frame on a 60 Hz display, in milliseconds. */
export const FRAME_MS = 1000 / 60;

let frame = 0;

/**
 * The number of the animation frame now under way: it goes up by one at every tick of the
 * 60 Hz frame clock that {@link installBrowserGlobals} starts.
 */
export function currentFrame(): number {
  return frame;
}

/**
 * Installs a happy-dom window as the global DOM, with a 60 Hz frame clock: like a browser's
 * display refresh, it ticks every 16.7 ms and runs the `requestAnimationFrame` callbacks
 * queued since the last tick (happy-dom's own fire as soon as they can, which would make
 * "one render per frame" meaningless). Returns the function that removes it again.
 */
export function installBrowserGlobals(): () => void {
  const window = new Window({ url: 'http://localhost/' });
  let queued = new Map<number, FrameRequestCallback>();
  let nextHandle = 1;
  const clock = setInterval(() => {
    frame++;
    const callbacks = queued;
    queued = new Map();
    const now = performance.now();
    for (const callback of callbacks.values()) callback(now);
  }, FRAME_MS);
  const globals: Record<string, unknown> = {
    window,
    document: window.document,
    navigator: window.navigator,
    HTMLElement: window.HTMLElement,
    Node: window.Node,
    requestAnimationFrame: (callback: FrameRequestCallback) => {
      queued.set(nextHandle, callback);
      return nextHandle++;
    },
    cancelAnimationFrame: (handle: number) => {
      queued.delete(handle);
    },
    IS_REACT_ACT_ENVIRONMENT: false,
  };
  const previous = new Map<string, PropertyDescriptor | undefined>();
  for (const [name, value] of Object.entries(globals)) {
    previous.set(name, Object.getOwnPropertyDescriptor(globalThis, name));
    Object.defineProperty(globalThis, name, { value, configurable: true, writable: true });
  }
  return () => {
    clearInterval(clock);
    for (const [name, descriptor] of previous) {
      if (descriptor) Object.defineProperty(globalThis, name, descriptor);
      else delete (globalThis as Record<string, unknown>)[name];
    }
    void window.happyDOM.close();
  };
}
