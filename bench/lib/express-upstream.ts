import { startWorkerServer, type WorkerServer } from './worker-server.js';

/**
 * Starts the loopback Portkey stand-in of the Express benchmark and load test in a worker
 * thread; a streamed answer has `chunkCount` chunks, paced one per turn of its event loop.
 */
export function startExpressBenchUpstream(chunkCount: number): Promise<WorkerServer> {
  return startWorkerServer(new URL('./express-upstream-worker.mjs', import.meta.url), {
    chunkCount,
  });
}
