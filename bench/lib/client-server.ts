import { Worker } from 'node:worker_threads';

/** A running benchmark server: its `/v1` base URL and how to stop it. */
export interface ClientBenchServer {
  baseURL: string;
  stop: () => Promise<void>;
}

/**
 * Starts the loopback chat completions server of the client benchmark in a worker thread:
 * a fixed JSON answer, or `chunkCount` chunks and `[DONE]` when the body asks for a stream.
 */
export async function startClientBenchServer(chunkCount: number): Promise<ClientBenchServer> {
  const worker = new Worker(new URL('./client-server-worker.mjs', import.meta.url), {
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
