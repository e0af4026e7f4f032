import { daysBySeason } from './daysBySeason.ts';
import { topDays } from './topDays.ts';

export interface CoincidentPeakCaptureParameters {
  readonly actualPeak: ArrayLike<number>;
  readonly actualPeakHour: ArrayLike<number>;
  readonly forecastPeak: ArrayLike<number>;
  readonly forecastPeakHour: ArrayLike<number>;
  readonly seasons: readonly string[];
  /** Event days the forecaster may call per season (its top-k forecast peak days). */
  readonly k: number;
  /** Coincident peak hours per season (PJM-style: the daily peak hours of the cpCount highest days). */
  readonly cpCount?: number;
  /** Length of each called event, hours, starting one hour before the forecast peak hour. */
  readonly eventHours?: number;
}

export interface SeasonCapture {
  readonly season: string;
  readonly cpHours: number;
  readonly captured: number;
  readonly capture: number;
}

export interface CoincidentPeakCaptureResult {
  readonly seasons: readonly SeasonCapture[];
  /** Σ captured / Σ CP hours over seasons. */
  readonly capture: number;
}

/**
 * Capture of each season's coincident peak (CP) hours by a day-ahead DR plan built from the forecast: the
 * season's CP hours are the actual daily peak hours of its `cpCount` highest-peak days (distinct days);
 * the plan calls an event on each of the forecaster's `k` highest forecast-peak days, covering
 * `eventHours` hours from one hour before the forecast peak hour. Capture = CP hours inside an event / CP hours.
 */
export function coincidentPeakCapture({
  actualPeak,
  actualPeakHour,
  forecastPeak,
  forecastPeakHour,
  seasons,
  k,
  cpCount = 5,
  eventHours = 4,
}: CoincidentPeakCaptureParameters): CoincidentPeakCaptureResult {
  const members = daysBySeason({ seasons });
  const result: SeasonCapture[] = [];
  let capturedTotal = 0;
  let cpTotal = 0;
  for (const [season, days] of members) {
    const cpDays = topDays({ values: actualPeak, days, k: cpCount });
    const eventDays = new Set(topDays({ values: forecastPeak, days, k }));
    let captured = 0;
    for (const d of cpDays) {
      if (!eventDays.has(d)) continue;
      const first = forecastPeakHour[d] - 1;
      const hour = actualPeakHour[d];
      if (hour >= first && hour < first + eventHours) captured += 1;
    }
    capturedTotal += captured;
    cpTotal += cpDays.length;
    result.push({ season, cpHours: cpDays.length, captured, capture: cpDays.length > 0 ? captured / cpDays.length : Number.NaN });
  }
  return { seasons: result, capture: cpTotal > 0 ? capturedTotal / cpTotal : Number.NaN };
}
