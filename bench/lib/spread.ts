import { median } from './measure.js';
import { formatNumber } from './table.js';

/** `median (min–max)` of samples, with `decimals` decimals. */
export function formatSpread(samples: readonly number[], decimals = 0): string {
  const low = Math.min(...samples);
  const high = Math.max(...samples);
  return `${formatNumber(median(samples), decimals)} (${formatNumber(low, decimals)}–${formatNumber(high, decimals)})`;
}
