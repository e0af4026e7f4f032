import { describe, expect, it } from 'vitest';
import { baselineErrorMetrics } from './baselineErrorMetrics.ts';
import { portfolioErrorMetrics } from './portfolioErrorMetrics.ts';

describe('portfolioErrorMetrics', () => {
  it('sums the scored consumers of each day hour by hour and leaves out days with none', () => {
    // Two consumers × three days, one event hour; cells are consumer * 3 + day.
    const actual = Float64Array.from([10, 20, 30, /**/ 1, 2, 3]);
    const baseline = Float64Array.from([11, 22, 33, /**/ 2, 2, 2]);
    const common = Uint8Array.from([1, 0, 0, /**/ 1, 1, 0]);
    const result = portfolioErrorMetrics({ actual, baseline, common, days: 3, durationHours: 1 });
    const expected = baselineErrorMetrics({ actual: Float64Array.from([11, 2]), baseline: Float64Array.from([13, 2]), eventHours: 1 });
    expect(result).toEqual(expected);
    expect(result.events).toBe(2);
  });
});
