import { percentile, startLoadClient } from './lib/express-load-client.js';
import {
  type BenchProxy,
  directToUpstream,
  startChatwireProxy,
  startExpressRawPipeProxy,
  startOpenAISdkProxy,
  startRawPipeProxy,
} from './lib/express-proxies.js';
import { startExpressBenchUpstream } from './lib/express-upstream.js';
import { interleave } from './lib/interleave.js';
import { median } from './lib/measure.js';
import { formatNumber, printTable } from './lib/table.js';

const CHUNKS = 30;
const ROUNDS = Number(process.env.BENCH_EXPRESS_ROUNDS ?? 3);
const FIRST_BYTE_STREAMS = Number(process.env.BENCH_EXPRESS_FIRST_BYTE_STREAMS ?? 150);
const THROUGHPUT = [
  { concurrency: 1, streams: 200 },
  { concurrency: 50, streams: 1_000 },
  { concurrency: 500, streams: 2_000 },
] as const;

const DIRECT = 'direct to upstream';
const RAW = 'raw undici pipe';
const EXPRESS_RAW = 'raw undici pipe in Express';
const CHATWIRE = '@chatwire/express';
const OPENAI = 'openai SDK proxy';

interface Contender {
  name: string;
  proxy: BenchProxy;
}

function fail(name: string, errors: number, firstError: string | undefined): never {
  throw new Error(`${name}: ${errors} streams failed; first: ${firstError}`);
}

/**
 * Streamed chat turns through proxies, all against one loopback upstream in a worker
 * thread (30 chunks per answer, one per turn of its event loop), read by simulated browsers in
 * another worker thread (a browser never shares the server's event loop): the upstream called
 * directly, a raw undici pipe on node:http (the floor of any proxy) and the same pipe as an
 * Express route (the floor of an Express proxy), chatwire's middleware, and the proxy people
 * write by hand with the openai SDK. Time to first byte at concurrency 1, then streams per second at
 * concurrency 1, 50 and 500; contenders run interleaved in rotating order.
 */
export default async function benchExpress(): Promise<void> {
  const upstream = await startExpressBenchUpstream(CHUNKS);
  const browsers = startLoadClient();
  const contenders: Contender[] = [
    { name: DIRECT, proxy: directToUpstream(upstream.baseURL) },
    { name: RAW, proxy: await startRawPipeProxy(upstream.baseURL) },
    { name: EXPRESS_RAW, proxy: await startExpressRawPipeProxy(upstream.baseURL) },
    { name: CHATWIRE, proxy: await startChatwireProxy(upstream.baseURL) },
    { name: OPENAI, proxy: await startOpenAISdkProxy(upstream.baseURL) },
  ];
  try {
    const firstBytes = new Map<string, number[]>(contenders.map(({ name }) => [name, []]));
    await interleave(contenders, ROUNDS, async ({ name, proxy }) => {
      const result = await browsers.run(proxy.url, FIRST_BYTE_STREAMS, 1);
      if (result.errors > 0) fail(name, result.errors, result.firstError);
      firstBytes.get(name)!.push(...result.firstByteMs);
    });
    const p50 = (name: string) => percentile(firstBytes.get(name)!, 50);
    const p99 = (name: string) => percentile(firstBytes.get(name)!, 99);
    console.log(`Time to first byte, concurrency 1 (${FIRST_BYTE_STREAMS * ROUNDS} streams each)`);
    printTable(
      ['contender', 'p50 ms', 'p99 ms', 'p50 × raw pipe', 'p99 × raw pipe', 'p50 × Express pipe'],
      contenders.map(({ name }) => [
        name,
        formatNumber(p50(name), 3),
        formatNumber(p99(name), 3),
        `${(p50(name) / p50(RAW)).toFixed(2)}×`,
        `${(p99(name) / p99(RAW)).toFixed(2)}×`,
        `${(p50(name) / p50(EXPRESS_RAW)).toFixed(2)}×`,
      ]),
    );

    const rates = new Map<string, number>();
    for (const { concurrency, streams } of THROUGHPUT) {
      const samples = new Map<string, number[]>(contenders.map(({ name }) => [name, []]));
      await interleave(contenders, ROUNDS, async ({ name, proxy }) => {
        const result = await browsers.run(proxy.url, streams, concurrency);
        if (result.errors > 0) fail(name, result.errors, result.firstError);
        samples.get(name)!.push(streams / (result.elapsedMs / 1000));
      });
      console.log(`\nStreams per second, concurrency ${concurrency} (${streams} streams per run)`);
      const rate = (name: string) => median(samples.get(name)!);
      printTable(
        ['contender', 'streams/s', '× openai SDK proxy', '× raw pipe'],
        contenders.map(({ name }) => [
          name,
          formatNumber(rate(name)),
          `${(rate(name) / rate(OPENAI)).toFixed(2)}×`,
          `${(rate(name) / rate(RAW)).toFixed(2)}×`,
        ]),
      );
      rates.set(`${concurrency}`, rate(CHATWIRE) / rate(OPENAI));
    }

    const ttfbRatio = p50(CHATWIRE) / p50(RAW);
    const ttfbExpressRatio = p50(CHATWIRE) / p50(EXPRESS_RAW);
    const throughputRatio = rates.get('500')!;
    console.log('\nTargets');
    printTable(
      ['target', 'measured', 'met'],
      [
        [
          'time to first byte p50 ≤ 1.15× raw pipe',
          `${ttfbRatio.toFixed(2)}×`,
          ttfbRatio <= 1.15 ? 'yes' : 'no',
        ],
        [
          'time to first byte p50 ≤ 1.15× raw pipe in Express',
          `${ttfbExpressRatio.toFixed(2)}×`,
          ttfbExpressRatio <= 1.15 ? 'yes' : 'no',
        ],
        [
          'streams/s at 500 ≥ 1.5× openai SDK proxy',
          `${throughputRatio.toFixed(2)}×`,
          throughputRatio >= 1.5 ? 'yes' : 'no',
        ],
      ],
    );
  } finally {
    for (const { proxy } of contenders) await proxy.stop();
    await browsers.close();
    await upstream.stop();
  }
}
