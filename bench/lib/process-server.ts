import { fork } from 'node:child_process';
import { once } from 'node:events';
import type { WorkerServer } from './worker-server.js';

/**
 * Starts the worker-thread server script `script` (see `startWorkerServer`) in a child process
 * instead, so that `process.cpuUsage()` of the benchmark counts the clients' work only.
 */
export async function startProcessServer(
  script: URL,
  workerData: Record<string, unknown>,
): Promise<WorkerServer> {
  const child = fork(
    new URL('./process-server-child.mjs', import.meta.url),
    [script.href, JSON.stringify(workerData)],
    { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
  );
  const [port] = (await once(child, 'message')) as [number];
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    stop: async () => {
      const exited = once(child, 'exit');
      child.send('stop');
      await exited;
    },
  };
}
