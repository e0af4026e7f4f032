import { finiteMedian } from './finiteMedian.ts';

/**
 * Accuracy of a baseline against the load that actually happened on non-event (placebo) days.
 * Hourly measures over all event hours: bias % = 100·Σ(b − a)/Σa and CV(RMSE) % = 100·RMSE/mean(a).
 * Event-level measures on the event-window means B̄, Ā of each event: RRMSE % = 100·√mean(((B̄ − Ā)/Ā)²)
 * and median absolute % = 100·median |B̄ − Ā|/Ā (events with Ā ≤ 0 are left out of these two).
 */

export interface BaselineErrorMetricsParameters {
  /** Actual load per event hour, events concatenated (each `eventHours` long). */
  actual: Float64Array;
  /** Baseline per event hour, same layout (all finite). */
  baseline: Float64Array;
  eventHours: number;
}

export interface BaselineErrorMetricsResult {
  /** Number of events scored. */
  readonly events: number;
  readonly biasPct: number;
  readonly rrmsePct: number;
  readonly medianAbsPct: number;
  readonly cvRmsePct: number;
}

export function baselineErrorMetrics({ actual, baseline, eventHours }: BaselineErrorMetricsParameters): BaselineErrorMetricsResult {
  const n = actual.length;
  const events = eventHours > 0 ? Math.floor(n / eventHours) : 0;
  let sumA = 0;
  let sumErr = 0;
  let sumSq = 0;
  for (let i = 0; i < n; i++) {
    const e = baseline[i]! - actual[i]!;
    sumA += actual[i]!;
    sumErr += e;
    sumSq += e * e;
  }
  const relative: number[] = [];
  for (let ev = 0; ev < events; ev++) {
    let a = 0;
    let b = 0;
    for (let h = 0; h < eventHours; h++) {
      a += actual[ev * eventHours + h]!;
      b += baseline[ev * eventHours + h]!;
    }
    if (a > 0) relative.push((b - a) / a);
  }
  const meanA = sumA / n;
  return {
    events,
    biasPct: (100 * sumErr) / sumA,
    cvRmsePct: (100 * Math.sqrt(sumSq / n)) / meanA,
    rrmsePct: relative.length ? 100 * Math.sqrt(relative.reduce((s, r) => s + r * r, 0) / relative.length) : Number.NaN,
    medianAbsPct: 100 * finiteMedian({ values: relative.map(Math.abs) }),
  };
}
