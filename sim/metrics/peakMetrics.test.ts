import { describe, expect, it } from 'vitest';
import { MetricInputError } from '../errors.ts';
import { loadFactor } from './loadFactor.ts';
import { peakMetrics } from './peakMetrics.ts';

describe('peakMetrics', () => {
  it('compares the peaks of the two series, wherever each falls', () => {
    // baseline peaks at 100 (interval 2); with DR the event cuts it to 80 and the rebound makes 90 the new peak
    // (interval 3): reduction 100 − 90 = 10 kW = 10 %.
    const result = peakMetrics({ baselineKw: Float64Array.of(60, 80, 100, 70), withDrKw: [60, 80, 80, 90] });
    expect(result).toEqual({ baselineKw: 100, withDrKw: 90, reductionKw: 10, reductionPct: 10, baselinePeakIndex: 2, withDrPeakIndex: 3 });
  });

  it('reports a negative reduction when DR raises the peak, and rejects bad series', () => {
    expect(peakMetrics({ baselineKw: [50, 40], withDrKw: [30, 60] }).reductionPct).toBe(-20); // (50 − 60)/50
    expect(() => peakMetrics({ baselineKw: [], withDrKw: [] })).toThrow(MetricInputError);
    expect(() => peakMetrics({ baselineKw: [1, 2], withDrKw: [1] })).toThrow(/expected 2/);
    expect(() => peakMetrics({ baselineKw: [1, Number.NaN], withDrKw: [1, 2] })).toThrow(/not a finite/);
  });
});

describe('loadFactor', () => {
  it('is mean ÷ peak', () => {
    // mean (60 + 80 + 100 + 60)/4 = 75, peak 100 → 0.75
    expect(loadFactor({ kw: Float64Array.of(60, 80, 100, 60) })).toBe(0.75);
    expect(loadFactor({ kw: [5, 5, 5] })).toBe(1);
    expect(() => loadFactor({ kw: [0, 0] })).toThrow(/peak load is 0/);
  });
});
