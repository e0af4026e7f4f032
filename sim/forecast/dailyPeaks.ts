export interface DailyPeaksParameters {
  readonly actual: ArrayLike<number>;
  readonly forecast: ArrayLike<number>;
  /** Index of each day's first hour in `actual`/`forecast`; day d spans [dayStart[d], dayStart[d+1]). */
  readonly dayStart: Int32Array;
}

export interface DailyPeaksResult {
  readonly actualPeak: Float64Array;
  /** Hour offset (0 = first hour of the day) of the actual daily peak. */
  readonly actualPeakHour: Int32Array;
  readonly forecastPeak: Float64Array;
  readonly forecastPeakHour: Int32Array;
  /** (forecast peak − actual peak) / actual peak × 100, signed. */
  readonly peakErrorPct: Float64Array;
  /** |forecast peak hour − actual peak hour|, hours. */
  readonly timingErrorHours: Float64Array;
  /** MAPE of the day, percent. */
  readonly dayMape: Float64Array;
}

/**
 * Daily peak magnitude and timing of actual vs forecast. A day with a missing actual or forecast hour gets
 * NaN for every field (a peak over part of a day is not a daily peak).
 */
export function dailyPeaks({ actual, forecast, dayStart }: DailyPeaksParameters): DailyPeaksResult {
  const days = dayStart.length - 1;
  const result = {
    actualPeak: new Float64Array(days).fill(Number.NaN),
    actualPeakHour: new Int32Array(days).fill(-1),
    forecastPeak: new Float64Array(days).fill(Number.NaN),
    forecastPeakHour: new Int32Array(days).fill(-1),
    peakErrorPct: new Float64Array(days).fill(Number.NaN),
    timingErrorHours: new Float64Array(days).fill(Number.NaN),
    dayMape: new Float64Array(days).fill(Number.NaN),
  };
  for (let d = 0; d < days; d++) {
    let complete = true;
    let aMax = -Infinity;
    let aAt = -1;
    let fMax = -Infinity;
    let fAt = -1;
    let ape = 0;
    for (let i = dayStart[d]; i < dayStart[d + 1]; i++) {
      const a = actual[i];
      const f = forecast[i];
      if (!Number.isFinite(a) || !Number.isFinite(f)) {
        complete = false;
        break;
      }
      if (a > aMax) {
        aMax = a;
        aAt = i - dayStart[d];
      }
      if (f > fMax) {
        fMax = f;
        fAt = i - dayStart[d];
      }
      ape += a !== 0 ? Math.abs((f - a) / a) : 0;
    }
    if (!complete || aAt < 0) continue;
    result.actualPeak[d] = aMax;
    result.actualPeakHour[d] = aAt;
    result.forecastPeak[d] = fMax;
    result.forecastPeakHour[d] = fAt;
    result.peakErrorPct[d] = (100 * (fMax - aMax)) / aMax;
    result.timingErrorHours[d] = Math.abs(fAt - aAt);
    result.dayMape[d] = (100 * ape) / (dayStart[d + 1] - dayStart[d]);
  }
  return result;
}
