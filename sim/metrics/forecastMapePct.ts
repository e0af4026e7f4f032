export interface ForecastMapePctParameters {
  /** Per interval; NaN where there is no forecast. */
  forecastKw: ArrayLike<number>;
  /** The load without DR (the counterfactual the day-ahead forecast predicts), same intervals. */
  loadWithoutDrKw: ArrayLike<number>;
}

export interface ForecastMapePctResult {
  /** Mean of |forecast − load| ÷ load × 100; null when no interval is scorable. */
  mapePct: number | null;
  /** Mean of (forecast − load) ÷ load × 100 (+ = forecast too high); null when no interval is scorable. */
  meanErrorPct: number | null;
  /** Intervals scored: a forecast and a positive load without DR. */
  intervals: number;
}

/**
 * The run's forecast accuracy, defined once for summary.json and the report: the percentage error of the day-ahead
 * forecast against the load **without DR** (what the forecaster predicts; the load with DR is shaped by the events
 * the forecast itself triggers), over the intervals with a forecast and a positive load.
 */
export function forecastMapePct({ forecastKw, loadWithoutDrKw }: ForecastMapePctParameters): ForecastMapePctResult {
  let absErr = 0;
  let err = 0;
  let intervals = 0;
  for (let t = 0; t < forecastKw.length; t++) {
    const fc = forecastKw[t]!;
    const load = loadWithoutDrKw[t]!;
    if (!Number.isFinite(fc) || !(load > 0)) continue;
    absErr += Math.abs(fc - load) / load;
    err += (fc - load) / load;
    intervals++;
  }
  if (intervals === 0) return { mapePct: null, meanErrorPct: null, intervals };
  return { mapePct: (100 * absErr) / intervals, meanErrorPct: (100 * err) / intervals, intervals };
}
