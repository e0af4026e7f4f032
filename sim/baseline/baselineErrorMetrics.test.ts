import { describe, expect, it } from 'vitest';
import { baselineErrorMetrics } from './baselineErrorMetrics.ts';

describe('baselineErrorMetrics', () => {
  it('matches a hand computation on a 2-event × 2-hour table', () => {
    // actual   [10, 10 | 20, 20], baseline [11, 9 | 22, 24]; hourly errors 1, −1, 2, 4.
    // bias = 100·6/60 = 10 %; RMSE = √(22/4) = 2.34521, mean actual 15 → CV(RMSE) = 15.6347 %.
    // Event means: (20 vs 20) → 0; (46 vs 40) → +15 %. RRMSE = 100·√((0 + 0.0225)/2) = 10.6066 %; median |·| = 7.5 %.
    const m = baselineErrorMetrics({ actual: Float64Array.of(10, 10, 20, 20), baseline: Float64Array.of(11, 9, 22, 24), eventHours: 2 });
    expect(m.events).toBe(2);
    expect(m.biasPct).toBeCloseTo(10, 10);
    expect(m.cvRmsePct).toBeCloseTo((100 * Math.sqrt(5.5)) / 15, 10);
    expect(m.rrmsePct).toBeCloseTo(10.606601717798213, 10);
    expect(m.medianAbsPct).toBeCloseTo(7.5, 10);
  });

  it('leaves events with zero actual load out of the relative measures', () => {
    const m = baselineErrorMetrics({ actual: Float64Array.of(0, 0, 10, 10), baseline: Float64Array.of(1, 1, 12, 12), eventHours: 2 });
    expect(m.rrmsePct).toBeCloseTo(20, 10);
    expect(m.medianAbsPct).toBeCloseTo(20, 10);
    expect(m.biasPct).toBeCloseTo(30, 10);
  });
});
