import { describe, expect, it } from 'vitest';
import { baselineAccuracy } from './baselineAccuracy.ts';

describe('baselineAccuracy', () => {
  it('measures the baseline against the true counterfactual', () => {
    // counterfactual 10, 20, 10 kWh; baseline 11, 18, 10:
    // bias = 100·(1 − 2 + 0)/40 = −2.5 %; RRMSE = 100·√((0.1² + 0.1² + 0)/3) = 100·√(0.02/3) ≈ 8.165 %
    const result = baselineAccuracy({ baselineKwh: Float64Array.of(11, 18, 10), counterfactualKwh: Float64Array.of(10, 20, 10) });
    expect(result.count).toBe(3);
    expect(result.biasPct).toBeCloseTo(-2.5, 12);
    expect(result.rrmsePct).toBeCloseTo(100 * Math.sqrt(0.02 / 3), 12);
  });

  it('is exact for a perfect baseline and null when undefined', () => {
    expect(baselineAccuracy({ baselineKwh: [3, 4], counterfactualKwh: [3, 4] })).toEqual({ count: 2, biasPct: 0, rrmsePct: 0 });
    expect(baselineAccuracy({ baselineKwh: [], counterfactualKwh: [] })).toEqual({ count: 0, biasPct: null, rrmsePct: null });
    expect(baselineAccuracy({ baselineKwh: [1], counterfactualKwh: [0] })).toEqual({ count: 1, biasPct: null, rrmsePct: null });
  });
});
