import type { RunRecord } from '../engine/index.ts';

export interface IntervalInstantsParameters {
  record: Pick<RunRecord, 'inputs' | 'clock' | 'intervalsPerHour'>;
}

/** The start of every interval of the period (warm-up days excluded), epoch ms UTC, from the simulation clock. */
export function intervalInstants({ record }: IntervalInstantsParameters): Float64Array {
  const { inputs, clock, intervalsPerHour: iph } = record;
  const periodDays = inputs.days.slice(inputs.periodOffset);
  const I = 24 * iph;
  const out = new Float64Array(periodDays.length * I);
  for (let t = 0; t < out.length; t++) out[t] = clock.instantOf(periodDays[Math.floor(t / I)]!.epochDay, (t % I) / iph);
  return out;
}
