import { daysBySeason } from './daysBySeason.ts';
import { topDays } from './topDays.ts';

export interface PeakDayDetectionParameters {
  readonly actualPeak: ArrayLike<number>;
  readonly forecastPeak: ArrayLike<number>;
  /** Season key of each day (see seasonOf). */
  readonly seasons: readonly string[];
  /** How many peak days per season. */
  readonly k: number;
}

export interface SeasonDetection {
  readonly season: string;
  readonly actualDays: readonly number[];
  readonly flaggedDays: readonly number[];
  readonly hits: number;
  readonly precision: number;
  readonly recall: number;
}

export interface PeakDayDetectionResult {
  readonly seasons: readonly SeasonDetection[];
  /** Σ hits / Σ flagged over seasons. */
  readonly precision: number;
  /** Σ hits / Σ actual peak days over seasons. */
  readonly recall: number;
}

/**
 * Peak-day detection per season: the true peak days are the k days with the highest actual daily peak;
 * the flagged days are the k days with the highest day-ahead forecast peak (each forecast made the day
 * before). Precision = hits / flagged, recall = hits / true. Both sets have k days when every day of the
 * season has a forecast, so precision = recall then; they differ when days lack forecasts or actuals.
 * Seasons are listed in order of first appearance.
 */
export function peakDayDetection({ actualPeak, forecastPeak, seasons, k }: PeakDayDetectionParameters): PeakDayDetectionResult {
  const members = daysBySeason({ seasons });
  const result: SeasonDetection[] = [];
  let hitsTotal = 0;
  let flaggedTotal = 0;
  let actualTotal = 0;
  for (const [season, days] of members) {
    const scored = days.filter((d) => Number.isFinite(actualPeak[d]));
    const actualDays = topDays({ values: actualPeak, days: scored, k });
    const flaggedDays = topDays({ values: forecastPeak, days, k });
    const hits = flaggedDays.filter((d) => actualDays.includes(d)).length;
    hitsTotal += hits;
    flaggedTotal += flaggedDays.length;
    actualTotal += actualDays.length;
    result.push({
      season,
      actualDays,
      flaggedDays,
      hits,
      precision: flaggedDays.length > 0 ? hits / flaggedDays.length : Number.NaN,
      recall: actualDays.length > 0 ? hits / actualDays.length : Number.NaN,
    });
  }
  return {
    seasons: result,
    precision: flaggedTotal > 0 ? hitsTotal / flaggedTotal : Number.NaN,
    recall: actualTotal > 0 ? hitsTotal / actualTotal : Number.NaN,
  };
}
