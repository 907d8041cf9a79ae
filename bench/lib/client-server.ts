import { startWorkerServer, type WorkerServer } from './worker-server.js';

/**
 * Starts the loopback chat completions server of the client benchmark in a worker thread:
 * a fixed JSON answer, or `chunkCount` chunks and `[DONE]` when the body asks for a stream.
 */
export function startClientBenchServer(chunkCount: number): Promise<WorkerServer> {
  return startWorkerServer(new URL('./client-server-worker.mjs', import.meta.url), { chunkCount });
}
