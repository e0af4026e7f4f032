import type { IntervalsPerHour } from '../agents/index.ts';

/**
 * The oracle's hourly kWh from validated interval reads (count × 24·iph, kWh per interval): the sum of each hour's
 * intervals, NaN when any of them was rejected (a CBL day with a rejected quarter-hour is missing that hour, as
 * with hourly reads). With hourly reads it is the reads themselves.
 */
export function hourlyKwh(values: Float64Array, iph: IntervalsPerHour, out: Float64Array): Float64Array {
  if (iph === 1) return values;
  const hours = out.length;
  for (let j = 0; j < hours; j++) {
    let sum = 0;
    for (let q = 0; q < iph; q++) sum += values[j * iph + q]!;
    out[j] = sum;
  }
  return out;
}
