/**
 * Makes a function that runs `call` unless a call with the same `key` already ran within the
 * current synchronous turn, whose result it then returns. Frameworks run effects twice in
 * development (React's StrictMode): a mount effect that sends must not post its message twice.
 * A call in a later turn, or with another key, runs again.
 */
export function mergeSameTurnCalls<T>(): (key: string, call: () => T) => T {
  let thisTurn: { key: string; result: T } | undefined;
  return (key, call) => {
    if (thisTurn?.key === key) return thisTurn.result;
    const result = call();
    thisTurn = { key, result };
    queueMicrotask(() => {
      thisTurn = undefined;
    });
    return result;
  };
}
