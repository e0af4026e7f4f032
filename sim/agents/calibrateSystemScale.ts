import { UsageError } from '../errors.ts';
import type { ConsumerPopulation } from './buildPopulation.ts';
import { consumerLoadsForDay } from './consumerLoadsForDay.ts';
import type { SimDay } from './simDay.ts';

export interface CalibrateSystemScaleParameters {
  population: ConsumerPopulation;
  days: readonly SimDay[];
  /** days × 24: the real system load (any unit). */
  systemLoad: Float64Array;
  /** days × 24: temperature (°C) the consumers see. */
  temperature: Float64Array;
  /** Bounds on the hourly factor. Default [0.25, 4]. */
  bounds?: readonly [number, number];
  /**
   * Day indices [from, to) whose means define kwPerSystemUnit (default: every day). A caller that simulates a
   * variable number of days calibrates on a fixed window, so the factor of a given day never depends on how many
   * days around it are simulated.
   */
  reference?: { from: number; to: number };
}

export interface CalibrateSystemScaleResult {
  /** days × 24 factors to pass (a day's 24 values) as `consumerLoadsForDay({ systemScale })`. */
  scale: Float64Array;
  /** days × 24: the target aggregate (kW) = systemLoad × kwPerSystemUnit. */
  target: Float64Array;
  /** days × 24: the population's expected (noise-free) aggregate before scaling (kW). */
  bottomUp: Float64Array;
  /** kW of population aggregate per unit of system load: mean bottom-up aggregate / mean system load (over `reference`). */
  kwPerSystemUnit: number;
}

/**
 * Makes the population's aggregate follow a real system series. The system load is scaled to the
 * population's size — target(t) = systemLoad(t) × (mean bottom-up aggregate / mean system load), so the
 * population keeps its own average demand — and the hourly factor is target(t) / bottomUp(t), where
 * bottomUp is the sum of every consumer's expected load from its own shape and temperature response.
 * Noise is mean-preserving, so the expected aggregate of scaled, noisy loads equals the target.
 */
export function calibrateSystemScale({ population, days, systemLoad, temperature, bounds = [0.25, 4], reference = { from: 0, to: days.length } }: CalibrateSystemScaleParameters): CalibrateSystemScaleResult {
  const size = days.length * 24;
  if (!Number.isInteger(reference.from) || !Number.isInteger(reference.to) || reference.from < 0 || reference.to > days.length || reference.from >= reference.to) {
    throw new UsageError(`calibrateSystemScale: reference days [${reference.from}, ${reference.to}) are not a non-empty range of the ${days.length} days`, {
      hint: 'Give whole day indices 0 ≤ from < to ≤ days.length.',
    });
  }
  if (systemLoad.length !== size || temperature.length !== size) {
    throw new UsageError(`calibrateSystemScale: expected ${size} hourly values (days × 24), got load ${systemLoad.length} and temperature ${temperature.length}`, {
      hint: 'Pass the systemDays() series of the same days.',
    });
  }
  if (population.count === 0) throw new UsageError('calibrateSystemScale: the population is empty', { hint: 'Build a population with count ≥ 1.' });
  const bottomUp = new Float64Array(size);
  const buffer = new Float64Array(population.count * 24);
  days.forEach((day, d) => {
    const { loads } = consumerLoadsForDay({ population, day, temperature: temperature.subarray(d * 24, d * 24 + 24), noise: false, out: buffer });
    for (let i = 0; i < population.count; i++) for (let h = 0; h < 24; h++) bottomUp[d * 24 + h] += loads[i * 24 + h]!;
  });
  let bottomUpMean = 0;
  let systemMean = 0;
  for (let t = 0; t < size; t++) {
    if (!Number.isFinite(systemLoad[t]!) || systemLoad[t]! <= 0) {
      throw new UsageError(`calibrateSystemScale: system load at day ${Math.floor(t / 24)} hour ${t % 24} is ${systemLoad[t]}`, { hint: 'Fill gaps in the system series (systemDays does) before calibrating.' });
    }
    if (t >= reference.from * 24 && t < reference.to * 24) {
      bottomUpMean += bottomUp[t]!;
      systemMean += systemLoad[t]!;
    }
  }
  const kwPerSystemUnit = bottomUpMean / systemMean;
  const target = new Float64Array(size);
  const scale = new Float64Array(size);
  for (let t = 0; t < size; t++) {
    target[t] = systemLoad[t]! * kwPerSystemUnit;
    scale[t] = Math.min(bounds[1], Math.max(bounds[0], target[t]! / bottomUp[t]!));
  }
  return { scale, target, bottomUp, kwPerSystemUnit };
}
