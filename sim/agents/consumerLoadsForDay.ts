import { UsageError } from '../errors.ts';
import type { ConsumerPopulation } from './buildPopulation.ts';
import { counterNormal, counterNormalPair } from './counterRandom.ts';
import { PROFILE_STRIDE } from './extractShapes.ts';
import type { SimDay } from './simDay.ts';

/** Intervals per hour the simulator supports: '1h' → 1, '15m' → 4. */
export type IntervalsPerHour = 1 | 4;

export interface ConsumerLoadsForDayParameters {
  population: ConsumerPopulation;
  day: SimDay;
  /** 24 hourly outdoor temperatures (°C), local hours 0..23. */
  temperature: Float64Array;
  /** Factor on every consumer's load: one number, or 24 hourly factors (from calibrateSystemScale). Default 1. */
  systemScale?: number | Float64Array;
  /** 1 (hourly, default) or 4 (15-minute intervals). */
  intervalsPerHour?: IntervalsPerHour;
  /** false: expected loads without random noise (what calibration sums). Default true. */
  noise?: boolean;
  /** Buffer of count × 24 · intervalsPerHour to write into (avoids an allocation per day). */
  out?: Float64Array;
}

export interface ConsumerLoadsForDayResult {
  /** kW, row-major: consumer i, interval t at `loads[i * intervalsPerDay + t]`. */
  loads: Float64Array;
  intervalsPerDay: number;
}

/**
 * Every consumer's load for one local day, in one Float64Array (never N × T objects):
 * scaleKw × profile(source, month, day type, hour) (blended linearly between mid-months) × (1 + perDegC · max(0, T − balancePoint)) × systemScale(hour)
 * × daily level × interval noise, where the two noise terms are mean-preserving lognormals drawn from the
 * consumer's counter stream keyed by (noiseKey, epochDay): any day can be generated alone, in any order,
 * and a consumer's loads do not depend on any other consumer. DST days are modelled as 24 local hours.
 */
export function consumerLoadsForDay({ population, day, temperature, systemScale = 1, intervalsPerHour = 1, noise = true, out }: ConsumerLoadsForDayParameters): ConsumerLoadsForDayResult {
  if (temperature.length !== 24) {
    throw new UsageError(`consumerLoadsForDay: expected 24 hourly temperatures, got ${temperature.length}`, { hint: 'Pass the 24 local hourly temperatures (°C) of the day.' });
  }
  if (intervalsPerHour !== 1 && intervalsPerHour !== 4) {
    throw new UsageError(`consumerLoadsForDay: intervalsPerHour must be 1 or 4, got ${String(intervalsPerHour)}`, { hint: 'Use 1 for "1h" and 4 for "15m".' });
  }
  const scale = typeof systemScale === 'number' ? new Float64Array(24).fill(systemScale) : systemScale;
  if (scale.length !== 24) {
    throw new UsageError(`consumerLoadsForDay: systemScale must be a number or 24 hourly factors, got ${scale.length} values`, { hint: 'Pass the day\'s slice of calibrateSystemScale().scale.' });
  }
  const n = population.count;
  const intervalsPerDay = 24 * intervalsPerHour;
  const loads = out ?? new Float64Array(n * intervalsPerDay);
  if (loads.length !== n * intervalsPerDay) {
    throw new UsageError(`consumerLoadsForDay: out has ${loads.length} values, expected ${n * intervalsPerDay}`, { hint: 'Allocate count × intervals per day.' });
  }
  // Monthly profiles hold at mid-month; days in between blend linearly with the neighbouring month.
  const position = (day.dayOfMonth - 0.5) / day.daysInMonth - 0.5; // −0.5 … 0.5
  const neighbour = position < 0 ? ((day.month + 10) % 12) + 1 : (day.month % 12) + 1;
  const weight = Math.abs(position);
  const cell = ((day.month - 1) * 2 + day.dayType) * 24;
  const otherCell = ((neighbour - 1) * 2 + day.dayType) * 24;
  const { archetype, shapeSets, shapeSource, scaleKw, perDegC, balancePointC, hourlyNoiseSd, dailyNoiseSd, noiseKey } = population;
  const e = day.epochDay;
  const z = new Float64Array(intervalsPerDay);
  for (let i = 0; i < n; i++) {
    const profiles = shapeSets[archetype[i]!]!.profiles;
    const base = shapeSource[i]! * PROFILE_STRIDE + cell;
    const other = shapeSource[i]! * PROFILE_STRIDE + otherCell;
    const kw = scaleKw[i]!;
    const slope = perDegC[i]!;
    const bp = balancePointC[i]!;
    const row = i * intervalsPerDay;
    let level = 1;
    let sd = 0;
    let bias = 0;
    const key = noiseKey[i]!;
    if (noise) {
      const dsd = dailyNoiseSd[i]!;
      level = Math.exp(dsd * counterNormal(key, e, 0) - (dsd * dsd) / 2);
      sd = hourlyNoiseSd[i]!;
      bias = (sd * sd) / 2;
      for (let t = 0; t < intervalsPerDay; t += 2) counterNormalPair(key, e, 2 + t, z, t); // counters 0, 1: the daily level
    }
    for (let h = 0; h < 24; h++) {
      const excess = temperature[h]! - bp;
      const shape = (1 - weight) * profiles[base + h]! + weight * profiles[other + h]!;
      const hourly = kw * shape * (excess > 0 ? 1 + slope * excess : 1) * scale[h]! * level;
      for (let q = 0; q < intervalsPerHour; q++) {
        const t = h * intervalsPerHour + q;
        loads[row + t] = noise ? hourly * Math.exp(sd * z[t]! - bias) : hourly;
      }
    }
  }
  return { loads, intervalsPerDay };
}
