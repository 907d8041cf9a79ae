/**
 * Runs `run` for every contender in rotating order, `rounds` times, after one warm-up round
 * (`timed` false), so that a drift in machine speed spreads over every contender instead of
 * favouring one.
 */
export async function interleave<Contender>(
  contenders: readonly Contender[],
  rounds: number,
  run: (contender: Contender, timed: boolean) => Promise<void>,
): Promise<void> {
  for (const contender of contenders) await run(contender, false);
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < contenders.length; k++) {
      await run(contenders[(k + round) % contenders.length]!, true);
    }
  }
}
