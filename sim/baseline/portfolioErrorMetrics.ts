import { type BaselineErrorMetricsResult, baselineErrorMetrics } from './baselineErrorMetrics.ts';

export interface PortfolioErrorMetricsParameters {
  /** Actual load per cell (consumer-day, `consumer * days + day`) and event hour. */
  actual: Float64Array;
  /** Baseline, same layout. */
  baseline: Float64Array;
  /** Per cell: 1 when it is scored. */
  common: Uint8Array;
  days: number;
  durationHours: number;
}

/**
 * A method's error for the portfolio, as an aggregator sees it: per day, the scored consumers' baselines and
 * actual loads summed hour by hour; days without a scored consumer are left out.
 */
export function portfolioErrorMetrics({ actual, baseline, common, days: D, durationHours: H }: PortfolioErrorMetricsParameters): BaselineErrorMetricsResult {
  const C = common.length / D;
  const sumA = new Float64Array(D * H);
  const sumB = new Float64Array(D * H);
  const daysUsed: number[] = [];
  for (let d = 0; d < D; d++) {
    let any = false;
    for (let c = 0; c < C; c++) {
      const cell = c * D + d;
      if (!common[cell]) continue;
      any = true;
      for (let h = 0; h < H; h++) {
        sumA[d * H + h] += actual[cell * H + h]!;
        sumB[d * H + h] += baseline[cell * H + h]!;
      }
    }
    if (any) daysUsed.push(d);
  }
  const pickDays = (src: Float64Array) => {
    const out = new Float64Array(daysUsed.length * H);
    daysUsed.forEach((d, j) => out.set(src.subarray(d * H, d * H + H), j * H));
    return out;
  };
  return baselineErrorMetrics({ actual: pickDays(sumA), baseline: pickDays(sumB), eventHours: H });
}
