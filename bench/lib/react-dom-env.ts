import { Window } from 'happy-dom';

/** The length of one animation frame on a 60 Hz display, in milliseconds. */
export const FRAME_MS = 1000 / 60;

/**
 * Installs a happy-dom window as the global DOM, with `requestAnimationFrame` firing every
 * 16.7 ms like a 60 Hz browser (happy-dom's own fires as soon as it can, which would make
 * "one render per frame" meaningless). Returns the function that removes it again.
 */
export function installBrowserGlobals(): () => void {
  const window = new Window({ url: 'http://localhost/' });
  const globals: Record<string, unknown> = {
    window,
    document: window.document,
    navigator: window.navigator,
    HTMLElement: window.HTMLElement,
    Node: window.Node,
    requestAnimationFrame: (callback: FrameRequestCallback) =>
      setTimeout(() => callback(performance.now()), FRAME_MS) as unknown as number,
    cancelAnimationFrame: (handle: number) => clearTimeout(handle),
    IS_REACT_ACT_ENVIRONMENT: false,
  };
  const previous = new Map<string, PropertyDescriptor | undefined>();
  for (const [name, value] of Object.entries(globals)) {
    previous.set(name, Object.getOwnPropertyDescriptor(globalThis, name));
    Object.defineProperty(globalThis, name, { value, configurable: true, writable: true });
  }
  return () => {
    for (const [name, descriptor] of previous) {
      if (descriptor) Object.defineProperty(globalThis, name, descriptor);
      else delete (globalThis as Record<string, unknown>)[name];
    }
    void window.happyDOM.close();
  };
}
