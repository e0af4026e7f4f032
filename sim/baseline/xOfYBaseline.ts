/**
 * "X of Y" baselines (CAISO 10-in-10, PJM High 4 of 5, NYISO Average Day, ERCOT Middle 8 of 10, UK DFS):
 * the y most recent eligible like days, x of them kept by `pick`, averaged hour by hour, then adjusted.
 */
import type { XofYSpec } from './baselineMethodSpec.ts';
import type { BaselineComputation, BaselineInputs } from './baselineInputs.ts';
import { insufficient } from './baselineInputs.ts';
import { baselineFromDays } from './baselineFromDays.ts';
import { type LikeDay, isWeekendType, likeDayPool } from './likeDays.ts';

export interface XofYBaselineParameters {
  spec: XofYSpec;
  inputs: BaselineInputs;
}

/** Orders by mean event-hour load, highest first; ties keep recency (more recent first). */
function byLoadDescending(days: readonly LikeDay[]): LikeDay[] {
  return days
    .map((day, recency) => ({ day, recency }))
    .sort((a, b) => b.day.eventMean - a.day.eventMean || a.recency - b.recency)
    .map(({ day }) => day);
}

export function xOfYBaseline({ spec, inputs }: XofYBaselineParameters): BaselineComputation {
  const rule = spec.weekend && isWeekendType(inputs, inputs.eventDay) ? spec.weekend : spec;
  const { pool, load, loadFrom } = likeDayPool({ inputs, spec });
  let eligible = pool;
  const fraction = spec.exclusions.lowUsageFraction;
  if (fraction !== null && pool.length > 0) {
    // PJM/NYISO: days below `fraction` of the average of the initial y days are replaced by older days.
    const seed = pool.slice(0, rule.y);
    const reference = seed.reduce((s, d) => s + d.eventMean, 0) / seed.length;
    eligible = pool.filter((d) => d.eventMean >= fraction * reference);
  }
  if (eligible.length < rule.y) {
    return insufficient(inputs.hours, `only ${eligible.length} of ${rule.y} eligible days in the ${spec.lookbackDays}-day lookback`);
  }
  const recent = eligible.slice(0, rule.y);
  let selected: LikeDay[];
  if (rule.pick === 'all') selected = recent;
  else if (rule.pick === 'high') selected = byLoadDescending(recent).slice(0, rule.x);
  else {
    const drop = (rule.y - rule.x) / 2;
    selected = byLoadDescending(recent).slice(drop, drop + rule.x);
  }
  // Report the days in recency order (most recent first).
  selected.sort((a, b) => b.day - a.day);
  return baselineFromDays({ inputs, selected, adjustment: spec.adjustment, load, loadFrom });
}
