export interface ForecastMapePctParameters {
  /** Per interval; NaN where there is no forecast. */
  forecastKw: Float64Array;
  /** The load that happened (with DR), same intervals. */
  actualKw: Float64Array;
}

/**
 * Mean absolute percentage error of the day-ahead forecast against the load that happened, over the intervals
 * with a forecast and a positive load; null when there are none.
 */
export function forecastMapePct({ forecastKw, actualKw }: ForecastMapePctParameters): number | null {
  let absErr = 0;
  let count = 0;
  for (let t = 0; t < forecastKw.length; t++) {
    const fc = forecastKw[t]!;
    const actual = actualKw[t]!;
    if (!Number.isFinite(fc) || !(actual > 0)) continue;
    absErr += Math.abs(fc - actual) / actual;
    count++;
  }
  return count > 0 ? (100 * absErr) / count : null;
}
