import { onTestFinished } from 'vitest';

/** Something a test opens and must close: a server, a client. */
export interface Closable {
  close(): Promise<void>;
}

/**
 * Closes `resource` when the running test ends, passed or failed, and returns it. Closing runs
 * last opened first, so a client is closed before the server it talks to.
 */
export function closeWhenTestEnds<T extends Closable>(resource: T): T {
  onTestFinished(() => resource.close());
  return resource;
}
