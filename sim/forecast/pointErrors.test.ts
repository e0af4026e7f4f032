import { describe, expect, it } from 'vitest';
import { pointErrors } from './pointErrors.ts';

describe('pointErrors', () => {
  it('computes MAPE, RMSE and MAE by hand', () => {
    // errors: +10 on 100 (10%), −20 on 200 (10%), +30 on 300 (10%), +0 on 400
    const r = pointErrors({ actual: [100, 200, 300, 400], forecast: [110, 180, 330, 400] });
    expect(r.mape).toBeCloseTo(7.5, 12);
    expect(r.rmse).toBeCloseTo(Math.sqrt((100 + 400 + 900) / 4), 12);
    expect(r.mae).toBeCloseTo(15, 12);
    expect(r.count).toBe(4);
  });

  it('skips missing actuals, counts missing forecasts, ignores zero actuals in MAPE only', () => {
    const r = pointErrors({ actual: [Number.NaN, 0, 50, 100], forecast: [1, 5, Number.NaN, 150] });
    expect(r.count).toBe(2);
    expect(r.missingForecasts).toBe(1);
    expect(r.mape).toBeCloseTo(50, 12);
    expect(r.rmse).toBeCloseTo(Math.sqrt((25 + 2500) / 2), 12);
  });
});
