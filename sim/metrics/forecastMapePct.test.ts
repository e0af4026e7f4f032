import { describe, expect, it } from 'vitest';
import { forecastMapePct } from './forecastMapePct.ts';

describe('forecastMapePct', () => {
  it('averages |forecast − actual| / actual over intervals with a forecast and a positive load', () => {
    const forecastKw = Float64Array.from([110, 90, Number.NaN, 50, 70]);
    const actualKw = Float64Array.from([100, 100, 100, 0, Number.NaN]);
    expect(forecastMapePct({ forecastKw, actualKw })).toBeCloseTo(10, 12);
  });
  it('is null without a scorable interval', () => {
    expect(forecastMapePct({ forecastKw: Float64Array.from([Number.NaN]), actualKw: Float64Array.from([5]) })).toBeNull();
  });
});
