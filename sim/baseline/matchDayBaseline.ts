/**
 * "Match day" (PJM alternative CBL): the `count` like days whose daily temperature (max or mean) is closest
 * to the event day's, averaged hour by hour and adjusted. The event day's temperature is a known input
 * (forecast, or actual at an ex-post settlement) read through `History.exogenous`.
 */
import { UsageError } from '../errors.ts';
import type { MatchDaySpec } from './baselineMethodSpec.ts';
import type { BaselineComputation, BaselineInputs } from './baselineInputs.ts';
import { insufficient } from './baselineInputs.ts';
import { baselineFromDays } from './baselineFromDays.ts';
import { likeDayPool } from './likeDays.ts';

export interface MatchDayBaselineParameters {
  spec: MatchDaySpec;
  inputs: BaselineInputs;
}

function dailyStat(values: Float64Array, from: number, to: number, match: MatchDaySpec['match']): number {
  let max = Number.NEGATIVE_INFINITY;
  let sum = 0;
  for (let i = from; i < to; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) return Number.NaN;
    if (v > max) max = v;
    sum += v;
  }
  return match === 'dailyMaxTemperature' ? max : sum / (to - from);
}

export function matchDayBaseline({ spec, inputs }: MatchDayBaselineParameters): BaselineComputation {
  const { temperature, days, eventDay } = inputs;
  if (!temperature) {
    throw new UsageError('The match-day baseline needs a temperature column', {
      details: 'the frame has no roles.temperature and no temperatureColumn was given',
      hint: 'Pass temperatureColumn to computeBaseline, or use a dataset with temperature (e.g. cambridge_estates_buildings).',
    });
  }
  const { pool, load, loadFrom } = likeDayPool({ inputs, spec });
  const eventDayStart = days.start[eventDay]!;
  const eventTemps = temperature.known(eventDayStart, eventDayStart + days.length[eventDay]!);
  const target = dailyStat(eventTemps, 0, eventTemps.length, spec.match);
  if (!Number.isFinite(target)) return insufficient(inputs.hours, 'event-day temperature is missing');
  const firstDay = Math.max(0, eventDay - spec.lookbackDays);
  const tempFrom = days.start[firstDay]!;
  const temps = temperature.past(tempFrom, eventDayStart);
  const scored = pool
    .map((day, recency) => {
      const s = days.start[day.day]! - tempFrom;
      return { day, recency, distance: Math.abs(dailyStat(temps, s, s + days.length[day.day]!, spec.match) - target) };
    })
    .filter((c) => Number.isFinite(c.distance))
    .sort((a, b) => a.distance - b.distance || a.recency - b.recency);
  if (scored.length < spec.count) {
    return insufficient(inputs.hours, `only ${scored.length} of ${spec.count} like days with temperature in the ${spec.lookbackDays}-day lookback`);
  }
  const selected = scored.slice(0, spec.count).map((c) => c.day).sort((a, b) => b.day - a.day);
  return baselineFromDays({ inputs, selected, adjustment: spec.adjustment, load, loadFrom });
}
