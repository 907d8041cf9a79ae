/**
 * Whether the code runs in a web page or a browser worker, where anything in the bundle
 * (an API key included) is visible to every visitor.
 */
export function isBrowser(): boolean {
  const scope = globalThis as { window?: unknown; document?: unknown; WorkerGlobalScope?: unknown };
  if (typeof scope.window === 'object' && typeof scope.document === 'object') return true;
  const WorkerScope = scope.WorkerGlobalScope;
  return typeof WorkerScope === 'function' && globalThis instanceof WorkerScope;
}

/** Reads a server environment variable; `undefined` in browsers and when unset or empty. */
export function readEnv(name: string): string | undefined {
  if (isBrowser()) return undefined;
  const process = (globalThis as { process?: { env?: Record<string, string | undefined> } })
    .process;
  const value = process?.env?.[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

/**
 * Whether the code runs on Bun, whose built-in `undici` module has no working dispatcher: the
 * client sends with Bun's own `fetch` there.
 */
export function isBun(): boolean {
  return typeof (globalThis as { Bun?: unknown }).Bun !== 'undefined';
}
