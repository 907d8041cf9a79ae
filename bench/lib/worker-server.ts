import { Worker } from 'node:worker_threads';

/** A loopback server running in a worker thread: its `/v1` base URL and how to stop it. */
export interface WorkerServer {
  baseURL: string;
  stop: () => Promise<void>;
}

/**
 * Starts the server script `script` in a worker thread, so that its work does not share the
 * event loop with what is measured. The script posts its port once it listens and closes
 * itself when it receives `'stop'`.
 */
export async function startWorkerServer(
  script: URL,
  workerData: Record<string, unknown>,
): Promise<WorkerServer> {
  const worker = new Worker(script, { workerData });
  const port = await new Promise<number>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    stop: async () => {
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      worker.postMessage('stop');
      await exited;
    },
  };
}
