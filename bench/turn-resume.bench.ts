import { setTimeout as sleep } from 'node:timers/promises';
import { Agent, request } from 'undici';
import { startBenchRedis } from './lib/bench-redis.js';
import { percentile } from './lib/express-load-client.js';
import {
  chatwireContender,
  type ResumeContender,
  resumableStreamContender,
} from './lib/resume-contenders.js';
import { formatSpread } from './lib/spread.js';
import { formatNumber, printTable } from './lib/table.js';

const CHUNKS = 30;
/** The chunks the client saw before its connection dropped. */
const SEEN = 10;
/** The chunks produced when the client reconnects: those after `SEEN` are replayed. */
const RESUME_AT = 15;
const PACE_MS = 5;
const TRIALS = Number(process.env.BENCH_RESUME_TRIALS ?? 40);
const ROUNDS = Number(process.env.BENCH_RESUME_ROUNDS ?? 5);

const CHATWIRE = '@chatwire/redis, resumed on another instance';
const CHATWIRE_SAME = '@chatwire/redis, resumed on the producing instance';
const PEER = 'resumable-stream 2.2.13';

interface Trial {
  /** From sending the resume request to the first replayed chunk. */
  firstReplayedMs: number;
  /** From producing each chunk after the reconnect to the client reading it. */
  followMs: number[];
}

const agent = new Agent({ keepAliveTimeout: 60_000 });

/**
 * One answer of `CHUNKS` chunks, one every `PACE_MS`; after `RESUME_AT` chunks a client that
 * saw `SEEN` of them reconnects and reads to the end, which must hold every chunk after the
 * first `SEEN` once, in order.
 */
async function trial(contender: ResumeContender): Promise<Trial> {
  const answer = await contender.start();
  const producedAt: number[] = [];
  let resume!: () => void;
  const resumeNow = new Promise<void>((resolve) => {
    resume = resolve;
  });
  const producing = (async () => {
    for (let seq = 0; seq < CHUNKS; seq++) {
      producedAt[seq] = performance.now();
      await answer.emit(seq);
      if (seq + 1 === RESUME_AT) resume();
      await sleep(PACE_MS);
    }
    await answer.end();
  })();
  await resumeNow;
  const { url, headers } = answer.resumeRequest(SEEN);
  const sentAt = performance.now();
  const response = await request(url, { headers, dispatcher: agent });
  if (response.statusCode !== 200) throw new Error(`${contender.name}: ${response.statusCode}`);
  const seqs: number[] = [];
  const followMs: number[] = [];
  let firstReplayedMs = Number.NaN;
  let text = '';
  for await (const piece of response.body) {
    const now = performance.now();
    text += piece.toString('utf8');
    const events = text.split('\n\n');
    text = events.pop() ?? '';
    for (const event of events) {
      const seq = /"seq":(\d+)/.exec(event)?.[1];
      if (seq === undefined) continue;
      if (seqs.length === 0) firstReplayedMs = now - sentAt;
      seqs.push(Number(seq));
      if (Number(seq) >= RESUME_AT) followMs.push(now - producedAt[Number(seq)]!);
    }
  }
  await producing;
  const expected = Array.from({ length: CHUNKS - SEEN }, (_, index) => index + SEEN);
  if (seqs.join() !== expected.join()) {
    throw new Error(`${contender.name} resumed with chunks ${seqs.join()}`);
  }
  return { firstReplayedMs, followMs };
}

/**
 * Reconnecting to a streamed answer on loopback Redis: chatwire's Redis turn store behind its
 * Express endpoint (the reconnect served by another instance on the same Redis, or by the one
 * producing the answer), against Vercel's resumable-stream 2.2.13 on node-redis, on the same
 * workload: an answer of 30 chunks, one every 5 ms; a client that saw 10 reconnects once 15
 * are produced. Measured: the time from the resume request to the first replayed chunk, and,
 * for the chunks produced after the reconnect, the time from producing one to the client
 * reading it. Both run in rotating order over rounds; p50 and p95 of every trial, and the
 * median and range of the per-round p50s.
 */
export default async function benchTurnResume(): Promise<void> {
  const redis = await startBenchRedis();
  const producing = redis.turnStore(60_000);
  const contenders = [
    await chatwireContender(CHATWIRE, producing, redis.turnStore(60_000)),
    await chatwireContender(CHATWIRE_SAME, producing, producing),
    await resumableStreamContender(PEER, await redis.client(), await redis.client()),
  ];
  try {
    const results = new Map(
      contenders.map(({ name }) => [
        name,
        { trials: [] as Trial[], roundFirst: [] as number[], roundFollow: [] as number[] },
      ]),
    );
    const connections = new Map(contenders.map(({ name }) => [name, 0]));
    for (let round = -1; round < ROUNDS; round++) {
      for (let k = 0; k < contenders.length; k++) {
        const contender = contenders[(k + Math.max(round, 0)) % contenders.length]!;
        const before = await redis.connectionsReceived();
        const trials: Trial[] = [];
        for (let index = 0; index < TRIALS; index++) trials.push(await trial(contender));
        if (round < 0) continue;
        const result = results.get(contender.name)!;
        const opened = (await redis.connectionsReceived()) - before;
        connections.set(contender.name, connections.get(contender.name)! + opened);
        result.trials.push(...trials);
        result.roundFirst.push(
          percentile(
            trials.map((one) => one.firstReplayedMs),
            50,
          ),
        );
        result.roundFollow.push(
          percentile(
            trials.flatMap((one) => one.followMs),
            50,
          ),
        );
      }
    }
    console.log(
      `Resume on loopback Redis (${TRIALS * ROUNDS} reconnects each, ${ROUNDS} rounds; ms; per-round p50: median (min–max))`,
    );
    printTable(
      [
        'contender',
        'first replayed p50',
        'p95',
        'per-round p50',
        'follow p50',
        'p95',
        'per-round p50',
        'Redis connections per resume',
      ],
      contenders.map(({ name }) => {
        const { trials, roundFirst, roundFollow } = results.get(name)!;
        const first = trials.map((one) => one.firstReplayedMs);
        const follow = trials.flatMap((one) => one.followMs);
        return [
          name,
          formatNumber(percentile(first, 50), 2),
          formatNumber(percentile(first, 95), 2),
          formatSpread(roundFirst, 2),
          formatNumber(percentile(follow, 50), 2),
          formatNumber(percentile(follow, 95), 2),
          formatSpread(roundFollow, 2),
          formatNumber(connections.get(name)! / (TRIALS * ROUNDS), 2),
        ];
      }),
    );
    const first = results.get(CHATWIRE)!.trials.map((one) => one.firstReplayedMs);
    const p50 = percentile(first, 50);
    console.log('\nTargets');
    printTable(
      ['target', 'measured', 'met'],
      [
        [
          'reconnect to first replayed byte p50 ≤ 20 ms',
          `${p50.toFixed(2)} ms`,
          p50 <= 20 ? 'yes' : 'no',
        ],
      ],
    );
  } finally {
    for (const contender of contenders) await contender.stop();
    await agent.close();
    await redis.close();
  }
}
