import { describe, expect, it } from 'vitest';
import { forecastMapePct } from './forecastMapePct.ts';

describe('forecastMapePct', () => {
  it('averages the error against the load without DR over intervals with a forecast and a positive load', () => {
    const forecastKw = Float64Array.from([110, 90, Number.NaN, 50, 70]);
    const loadWithoutDrKw = Float64Array.from([100, 100, 100, 0, Number.NaN]);
    const result = forecastMapePct({ forecastKw, loadWithoutDrKw });
    expect(result.mapePct).toBeCloseTo(10, 12);
    expect(result.meanErrorPct).toBeCloseTo(0, 12);
    expect(result.intervals).toBe(2);
  });
  it('is null without a scorable interval', () => {
    expect(forecastMapePct({ forecastKw: Float64Array.from([Number.NaN]), loadWithoutDrKw: Float64Array.from([5]) })).toEqual({ mapePct: null, meanErrorPct: null, intervals: 0 });
  });
});
