/**
 * Load test of @chatwire/express: waves of 500 concurrent streamed chat requests through the
 * middleware to a loopback upstream (in a worker thread), every answer read to `[DONE]`.
 * Reports errors, throughput, time to first byte, peak memory, and the sockets still open
 * once the clients are closed. Loopback only; stops by itself (a hard deadline aborts it).
 *
 * Run: `pnpm --filter @chatwire/bench exec tsx load/express-load.ts`
 */
import { percentile, startLoadClient } from '../lib/express-load-client.js';
import { startChatwireProxy } from '../lib/express-proxies.js';
import { startExpressBenchUpstream } from '../lib/express-upstream.js';
import { formatNumber, printTable } from '../lib/table.js';

const CONCURRENCY = 500;
const WAVES = Number(process.env.LOAD_WAVES ?? 4);
const CHUNKS = 30;
const DEADLINE_MS = 120_000;

const deadline = setTimeout(() => {
  console.error(`The load test did not finish within ${DEADLINE_MS / 1000} s.`);
  process.exit(1);
}, DEADLINE_MS);
deadline.unref();

function openSockets(): number {
  return process.getActiveResourcesInfo().filter((name) => name === 'TCPSocketWrap').length;
}

const socketsBefore = openSockets();
const upstream = await startExpressBenchUpstream(CHUNKS);
const proxy = await startChatwireProxy(upstream.baseURL);
const browsers = startLoadClient();

let peakRss = 0;
let peakHeap = 0;
const sampler = setInterval(() => {
  const { rss, heapUsed } = process.memoryUsage();
  peakRss = Math.max(peakRss, rss);
  peakHeap = Math.max(peakHeap, heapUsed);
}, 10);
const baseline = process.memoryUsage();

const rows: string[][] = [];
let totalErrors = 0;
let firstError: string | undefined;
for (let wave = 1; wave <= WAVES; wave++) {
  const result = await browsers.run(proxy.url, CONCURRENCY, CONCURRENCY);
  totalErrors += result.errors;
  firstError ??= result.firstError;
  rows.push([
    String(wave),
    String(CONCURRENCY),
    String(result.errors),
    formatNumber(result.elapsedMs),
    formatNumber(CONCURRENCY / (result.elapsedMs / 1000)),
    formatNumber(percentile(result.firstByteMs, 50), 1),
    formatNumber(percentile(result.firstByteMs, 99), 1),
  ]);
}
clearInterval(sampler);

await browsers.close();
// Sockets close asynchronously; give the event loop a moment before counting.
await new Promise((resolve) => setTimeout(resolve, 200));
const serverConnectionsAfter = await proxy.connections();
await proxy.stop();
await upstream.stop();
await new Promise((resolve) => setTimeout(resolve, 100));
const socketsAfter = openSockets() - socketsBefore;

console.log(
  `Load: ${WAVES} waves of ${CONCURRENCY} concurrent streamed requests (${CHUNKS} chunks each) through @chatwire/express\n`,
);
printTable(['wave', 'streams', 'errors', 'ms', 'streams/s', 'first byte p50 ms', 'p99 ms'], rows);
const mb = (bytes: number) => formatNumber(bytes / 1024 / 1024, 1);
console.log('');
printTable(
  ['measure', 'value'],
  [
    ['errors', String(totalErrors)],
    ['rss before load (MB)', mb(baseline.rss)],
    ['peak rss (MB)', mb(peakRss)],
    ['peak heap used (MB)', mb(peakHeap)],
    ['middleware connections left once the clients closed', String(serverConnectionsAfter)],
    ['sockets left open in the process at the end', String(socketsAfter)],
  ],
);
if (totalErrors > 0) console.error('first error:', firstError);
clearTimeout(deadline);
process.exitCode = totalErrors === 0 && serverConnectionsAfter === 0 && socketsAfter === 0 ? 0 : 1;
