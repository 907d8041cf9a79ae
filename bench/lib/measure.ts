/** One contender in a benchmark: a name and one full run of the measured work. */
export interface BenchCase {
  name: string;
  run: () => Promise<void> | void;
}

/** Settings of {@link measureInterleaved}. */
export interface MeasureOptions {
  /** Untimed runs of every case before timing starts, to let the JIT settle. */
  warmupRounds: number;
  /** Timed rounds; each round runs every case once. */
  rounds: number;
}

/** The timings of one case, in milliseconds. */
export interface CaseTimings {
  name: string;
  samples: number[];
  medianMs: number;
}

/**
 * Times the cases in interleaved rounds (A B C, B C A, C A B, …) so that a drift in machine
 * speed, or garbage left by one case, spreads over every case instead of favouring one.
 */
export async function measureInterleaved(
  cases: readonly BenchCase[],
  options: MeasureOptions,
): Promise<CaseTimings[]> {
  for (let round = 0; round < options.warmupRounds; round++) {
    for (const benchCase of cases) await benchCase.run();
  }
  const samples = cases.map(() => [] as number[]);
  for (let round = 0; round < options.rounds; round++) {
    for (let k = 0; k < cases.length; k++) {
      const index = (k + round) % cases.length;
      const benchCase = cases[index]!;
      const started = performance.now();
      await benchCase.run();
      samples[index]!.push(performance.now() - started);
    }
  }
  return cases.map((benchCase, index) => ({
    name: benchCase.name,
    samples: samples[index]!,
    medianMs: median(samples[index]!),
  }));
}

/** The median of a non-empty list of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
