import type { BenchCase, MeasureOptions } from './measure.js';
import { median } from './measure.js';

/** One timed run: wall-clock time and the process's CPU time, in milliseconds. */
export interface CpuSample {
  wallMs: number;
  /** User and system CPU time of the process: the run's work, not the waits for I/O. */
  cpuMs: number;
}

/**
 * Times the cases as `measureInterleaved` does (interleaved rounds after untimed warm-up), and
 * also the CPU time each run took, which a busy machine's scheduling does not inflate as it
 * does wall-clock time. Run the server in another process (`startProcessServer`) so that the
 * CPU time is the clients' alone.
 */
export async function measureCpuInterleaved(
  cases: readonly BenchCase[],
  options: MeasureOptions,
): Promise<CpuSample[][]> {
  for (let round = 0; round < options.warmupRounds; round++) {
    for (const benchCase of cases) await benchCase.run();
  }
  const samples = cases.map(() => [] as CpuSample[]);
  for (let round = 0; round < options.rounds; round++) {
    for (let k = 0; k < cases.length; k++) {
      const index = (k + round) % cases.length;
      const cpu = process.cpuUsage();
      const started = performance.now();
      await cases[index]!.run();
      const wallMs = performance.now() - started;
      const { user, system } = process.cpuUsage(cpu);
      samples[index]!.push({ wallMs, cpuMs: (user + system) / 1000 });
    }
  }
  return samples;
}

/** A distribution's median and its quartiles. */
export interface Quartiles {
  p25: number;
  median: number;
  p75: number;
}

function quartiles(values: readonly number[]): Quartiles {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (fraction: number) => sorted[Math.round(fraction * (sorted.length - 1))]!;
  return { p25: at(0.25), median: median(sorted), p75: at(0.75) };
}

/** The quartiles of `case / reference` over rounds, the rounds paired by index. */
export function roundRatios(
  samples: readonly CpuSample[],
  reference: readonly CpuSample[],
  pick: (sample: CpuSample) => number,
): Quartiles {
  return quartiles(samples.map((sample, round) => pick(sample) / pick(reference[round]!)));
}
