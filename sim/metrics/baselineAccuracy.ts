import { baselineErrorMetrics } from '../baseline/index.ts';
import { checkSeries, type Series } from './series.ts';

export interface BaselineAccuracyParameters {
  /** The CBL baseline's energy per consumer-event (kWh), as the settlement used it. */
  baselineKwh: Series;
  /** What the consumer would really have used without DR in the same window (kWh): known in simulation. */
  counterfactualKwh: Series;
}

export interface BaselineAccuracyResult {
  /** Consumer-events scored. */
  count: number;
  /** 100 × Σ(baseline − counterfactual) / Σ counterfactual; null when undefined (no energy). */
  biasPct: number | null;
  /** 100 × √mean(((baseline − counterfactual) / counterfactual)²) over items with counterfactual > 0; null if none. */
  rrmsePct: number | null;
}

/**
 * How well the baseline estimated the true counterfactual — in simulation we know it, so over- and under-payment
 * caused by the baseline method is measured directly. Same formulas as sim/baseline's backtest (each item is one
 * event window).
 */
export function baselineAccuracy({ baselineKwh, counterfactualKwh }: BaselineAccuracyParameters): BaselineAccuracyResult {
  checkSeries({ series: baselineKwh, name: 'baselineKwh', allowEmpty: true });
  checkSeries({ series: counterfactualKwh, name: 'counterfactualKwh', length: baselineKwh.length, allowEmpty: true });
  if (baselineKwh.length === 0) return { count: 0, biasPct: null, rrmsePct: null };
  const { biasPct, rrmsePct } = baselineErrorMetrics({ actual: Float64Array.from(counterfactualKwh), baseline: Float64Array.from(baselineKwh), eventHours: 1 });
  const orNull = (v: number) => (Number.isFinite(v) ? v : null);
  return { count: baselineKwh.length, biasPct: orNull(biasPct), rrmsePct: orNull(rrmsePct) };
}
