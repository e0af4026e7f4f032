import type { History } from '../data/types.ts';
import type { ForecastModel, PredictParameters } from './forecastModel.ts';

export interface SeasonalNaiveParameters {
  readonly load: string;
  /** Season length in hours; 168 = same hour last week. */
  readonly period?: number;
  /** How many further periods back to look when the value one period back is missing. */
  readonly maxFallbacks?: number;
}

/**
 * Seasonal naive: the forecast for hour t is the load at t − period (same hour last week), or, when that
 * value is missing or lies after the decision time (lead > period), at t − 2·period, and so on.
 */
export function seasonalNaive({ load, period = 168, maxFallbacks = 3 }: SeasonalNaiveParameters): ForecastModel {
  return {
    name: period === 168 ? 'seasonal-naive' : `seasonal-naive-${period}h`,
    fit(_history: History): void {
      // Nothing to learn: the forecast reads the history directly.
    },
    predict({ history, horizon }: PredictParameters): Float64Array {
      const v = history.visibleLength;
      const reach = period * (1 + maxFallbacks + Math.ceil(horizon / period));
      const from = Math.max(0, v - reach);
      const past = history.values(load, from, v);
      const out = new Float64Array(horizon);
      for (let k = 0; k < horizon; k++) {
        const i = v + k;
        let value = Number.NaN;
        let lag = period * Math.ceil((k + 1) / period);
        for (let tries = 0; tries <= maxFallbacks && i - lag >= from; tries++, lag += period) {
          const candidate = past[i - lag - from];
          if (Number.isFinite(candidate)) {
            value = candidate;
            break;
          }
        }
        out[k] = value;
      }
      return out;
    },
  };
}
