import type { TemperatureScale } from './design.ts';

export interface RecencyTemperaturesParameters {
  readonly temperatureScale: TemperatureScale;
  /** Lagged hourly temperatures T(t−h), hours. */
  readonly temperatureLags: readonly number[];
  /** Number of daily moving averages of temperature (d-th = mean over t−24d … t−24d+23). */
  readonly dailyAverages: number;
}

export interface RecencyTemperatures {
  /** Variables per interval: lags, then daily averages. */
  readonly count: number;
  /**
   * Writes the scaled variables of window index `at` into `out` from `offset`; false when one is missing (NaN),
   * so the row is skipped.
   */
  fill(temperature: Float64Array, at: number, out: Float64Array, offset: number): boolean;
}

/** The recency effect's extra temperature variables (Wang, Liu & Hong 2016): lagged hours and daily moving averages. */
export function recencyTemperatures({ temperatureScale, temperatureLags, dailyAverages }: RecencyTemperaturesParameters): RecencyTemperatures {
  const { center, scale } = temperatureScale;
  return {
    count: temperatureLags.length + dailyAverages,
    fill(temperature, at, out, offset) {
      let e = offset;
      for (const lag of temperatureLags) {
        const v = temperature[at - lag];
        if (!Number.isFinite(v)) return false;
        out[e++] = (v - center) / scale;
      }
      for (let d = 1; d <= dailyAverages; d++) {
        let sum = 0;
        const from = at - 24 * d;
        for (let s = from; s < from + 24; s++) sum += temperature[s];
        if (!Number.isFinite(sum)) return false;
        out[e++] = (sum / 24 - center) / scale;
      }
      return true;
    },
  };
}
