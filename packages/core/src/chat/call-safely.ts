/**
 * Calls a user callback so that nothing it does can break the chat: an error it throws, or a
 * promise it returns that rejects, is reported with {@link reportLater} instead.
 */
export function callSafely<T>(callback: ((value: T) => unknown) | undefined, value: T): void {
  if (callback === undefined) return;
  try {
    const result = callback(value);
    if (result instanceof Promise) result.catch(reportLater);
  } catch (error) {
    reportLater(error);
  }
}

/**
 * Reports an error in a task of its own, so that it reaches the page's error handlers (and
 * error monitoring) without rejecting any promise of the chat: through `reportError` where the
 * platform has it (browsers, Deno, Bun), else as an uncaught error.
 */
export function reportLater(error: unknown): void {
  setTimeout(() => {
    if (typeof reportError !== 'function') throw error;
    reportError(error);
  }, 0);
}
