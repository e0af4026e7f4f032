import { describe, expect, it } from 'vitest';
import { dailyPeaks } from './dailyPeaks.ts';

describe('dailyPeaks', () => {
  it('finds peak magnitude and timing errors per day', () => {
    const actual = [1, 5, 3, 2, /* day 2 */ 4, 4, 8, 1];
    const forecast = [1, 4, 6, 2, /* day 2 */ 4, 9, 8, 1];
    const r = dailyPeaks({ actual, forecast, dayStart: Int32Array.from([0, 4, 8]) });
    expect(Array.from(r.actualPeak)).toEqual([5, 8]);
    expect(Array.from(r.forecastPeak)).toEqual([6, 9]);
    expect(Array.from(r.actualPeakHour)).toEqual([1, 2]);
    expect(Array.from(r.forecastPeakHour)).toEqual([2, 1]);
    expect(r.peakErrorPct[0]).toBeCloseTo(20, 12);
    expect(r.peakErrorPct[1]).toBeCloseTo(12.5, 12);
    expect(Array.from(r.timingErrorHours)).toEqual([1, 1]);
    expect(r.dayMape[0]).toBeCloseTo((100 * (0 + 0.2 + 1 + 0)) / 4, 12);
  });

  it('leaves days with a missing hour unscored', () => {
    const r = dailyPeaks({ actual: [1, 2, 3, 4], forecast: [1, Number.NaN, 3, 4], dayStart: Int32Array.from([0, 2, 4]) });
    expect(Number.isNaN(r.actualPeak[0])).toBe(true);
    expect(r.actualPeak[1]).toBe(4);
  });
});
