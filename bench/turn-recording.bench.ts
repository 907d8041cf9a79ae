import { MemoryTurnStore, type TurnStore } from '@chatwire/core/server';
import { startBenchRedis } from './lib/bench-redis.js';
import { startLoadClient } from './lib/express-load-client.js';
import { type BenchProxy, startChatwireProxy } from './lib/express-proxies.js';
import { startExpressBenchUpstream } from './lib/express-upstream.js';
import { mainThreadCpuMs } from './lib/main-thread-cpu.js';
import { median } from './lib/measure.js';
import { formatSpread } from './lib/spread.js';
import { printTable } from './lib/table.js';

const CHUNKS = 30;
const ROUNDS = Number(process.env.BENCH_TURNS_ROUNDS ?? 5);
const LOADS = [
  { concurrency: 50, streams: 1_000 },
  { concurrency: 500, streams: 2_000 },
] as const;
/** Ended turns are kept this long, so that the runs do not pile up turns in memory or Redis. */
const TTL_MS = 30_000;

const NONE = 'no turn store';
const MEMORY = 'MemoryTurnStore';
const REDIS = 'RedisTurnStore';
const GOALS: Record<string, number> = { [MEMORY]: 0.1, [REDIS]: 0.25 };

interface Contender {
  name: string;
  proxy: BenchProxy;
  store: TurnStore | undefined;
}

/**
 * What recording turns costs an Express endpoint: chatwire's middleware with no turn store,
 * with a MemoryTurnStore and with a RedisTurnStore (a local redis-server), every request
 * carrying an Idempotency-Key of its own and the owner cookie of one browser. The upstream (30 chunks per answer) and the
 * simulated browsers run in worker threads, as in the Express benchmark. Per round the three
 * run in rotating order after one warm-up round; the overhead of a store is taken against the
 * no-store run of the same round, and its median and range over the rounds are printed. On
 * Linux the CPU the proxy's thread spent per stream is printed beside it: a rate moves with
 * whatever else runs on the machine, the CPU a stream costs much less.
 */
export default async function benchTurnRecording(): Promise<void> {
  const upstream = await startExpressBenchUpstream(CHUNKS);
  const browsers = startLoadClient();
  const redis = await startBenchRedis();
  const contenders: Contender[] = [];
  try {
    for (const [name, store] of [
      [NONE, undefined],
      [MEMORY, new MemoryTurnStore({ ttlMs: TTL_MS })],
      [REDIS, redis.turnStore(TTL_MS)],
    ] as const) {
      contenders.push({ name, store, proxy: await startChatwireProxy(upstream.baseURL, store) });
    }
    const targets: string[][] = [];
    for (const { concurrency, streams } of LOADS) {
      const rates = new Map(contenders.map(({ name }) => [name, [] as number[]]));
      const cpus = new Map(contenders.map(({ name }) => [name, [] as number[]]));
      for (let round = -1; round < ROUNDS; round++) {
        for (let k = 0; k < contenders.length; k++) {
          const { name, proxy } = contenders[(k + Math.max(round, 0)) % contenders.length]!;
          const cpuBefore = mainThreadCpuMs();
          const result = await browsers.run(proxy.url, streams, concurrency, { idempotent: true });
          const cpuAfter = mainThreadCpuMs();
          if (result.errors > 0) {
            throw new Error(
              `${name}: ${result.errors} streams failed; first: ${result.firstError}`,
            );
          }
          if (round >= 0) {
            rates.get(name)!.push(streams / (result.elapsedMs / 1000));
            if (cpuBefore !== undefined && cpuAfter !== undefined) {
              cpus.get(name)!.push(((cpuAfter - cpuBefore) * 1000) / streams);
            }
          }
        }
      }
      const base = rates.get(NONE)!;
      const overheads = (name: string) =>
        rates.get(name)!.map((rate, round) => (1 - rate / base[round]!) * 100);
      const baseCpu = cpus.get(NONE)!;
      const cpuOverheads = (name: string) =>
        cpus.get(name)!.map((cpu, round) => (cpu / baseCpu[round]! - 1) * 100);
      const measuredCpu = baseCpu.length > 0;
      console.log(
        `Streams per second, concurrency ${concurrency} (${streams} streams per run, ${ROUNDS} runs; median (min–max))`,
      );
      printTable(
        [
          'turn store',
          'streams/s',
          'overhead vs no store, %',
          ...(measuredCpu ? ['proxy CPU µs/stream', 'CPU vs no store, %'] : []),
        ],
        contenders.map(({ name }) => [
          name,
          formatSpread(rates.get(name)!),
          name === NONE ? '' : formatSpread(overheads(name), 1),
          ...(measuredCpu
            ? [
                formatSpread(cpus.get(name)!),
                name === NONE ? '' : formatSpread(cpuOverheads(name), 1),
              ]
            : []),
        ]),
      );
      console.log('');
      for (const [name, goal] of Object.entries(GOALS)) {
        const overhead = median(overheads(name));
        targets.push([
          `${name} overhead at ${concurrency} ≤ ${goal * 100}%`,
          `${overhead.toFixed(1)}%`,
          overhead <= goal * 100 ? 'yes' : 'no',
        ]);
      }
    }
    console.log('Targets');
    printTable(['target', 'measured (median)', 'met'], targets);
  } finally {
    for (const { proxy, store } of contenders) {
      await proxy.stop();
      await store?.close();
    }
    await redis.close();
    await browsers.close();
    await upstream.stop();
  }
}
