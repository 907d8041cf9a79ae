// Runs a worker-thread server script in a process of its own, so that the process measuring
// its CPU time counts the client's work alone. Relays the port and the stop message.
import { Worker } from 'node:worker_threads';

const [script, data] = process.argv.slice(2);
const worker = new Worker(new URL(script), { workerData: JSON.parse(data) });
worker.once('message', (port) => process.send(port));
worker.once('exit', () => process.exit(0));
process.on('message', (message) => {
  if (message === 'stop') worker.postMessage('stop');
});
