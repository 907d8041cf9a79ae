import { Worker } from 'node:worker_threads';

/** A running benchmark upstream: its `/v1` base URL and how to stop it. */
export interface ExpressBenchUpstream {
  baseURL: string;
  stop: () => Promise<void>;
}

/**
 * Starts the loopback Portkey stand-in of the Express benchmark and load test in a worker
 * thread; a streamed answer has `chunkCount` chunks, paced one per turn of its event loop.
 */
export async function startExpressBenchUpstream(chunkCount: number): Promise<ExpressBenchUpstream> {
  const worker = new Worker(new URL('./express-upstream-worker.mjs', import.meta.url), {
    workerData: { chunkCount },
  });
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
