import { checkSeries, type Series } from './series.ts';

export interface PeakMetricsParameters {
  /** System load without DR (the counterfactual), kW per interval. */
  baselineKw: Series;
  /** System load with DR (curtailment and rebound applied), kW per interval, same intervals. */
  withDrKw: Series;
}

export interface PeakMetricsResult {
  /** Peak (maximum) of the load without DR, kW. */
  baselineKw: number;
  /** Peak of the load with DR, kW (wherever it falls: rebound may move it). */
  withDrKw: number;
  /** baselineKw − withDrKw. */
  reductionKw: number;
  /** 100 × reductionKw / baselineKw (0 when the baseline peak is 0). */
  reductionPct: number;
  /** First interval of each peak. */
  baselinePeakIndex: number;
  withDrPeakIndex: number;
}

const argMax = (series: Series): number => {
  let best = 0;
  for (let i = 1; i < series.length; i++) if (series[i] > series[best]) best = i;
  return best;
};

/** Peak load with and without DR and the reduction of the peak (the system's coincident peak, not per event). */
export function peakMetrics({ baselineKw, withDrKw }: PeakMetricsParameters): PeakMetricsResult {
  checkSeries({ series: baselineKw, name: 'baselineKw' });
  checkSeries({ series: withDrKw, name: 'withDrKw', length: baselineKw.length });
  const baselinePeakIndex = argMax(baselineKw);
  const withDrPeakIndex = argMax(withDrKw);
  const base = baselineKw[baselinePeakIndex];
  const withDr = withDrKw[withDrPeakIndex];
  const reductionKw = base - withDr;
  return { baselineKw: base, withDrKw: withDr, reductionKw, reductionPct: base === 0 ? 0 : (100 * reductionKw) / base, baselinePeakIndex, withDrPeakIndex };
}
