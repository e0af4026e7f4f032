import { describe, expect, it } from 'vitest';
import { holm } from './holm.ts';
import { pairedDifference } from './pairedDifference.ts';
import { studentTCdf, studentTQuantile } from './studentT.ts';

describe('Student t', () => {
  it('matches published quantiles and is symmetric', () => {
    // t tables: t(0.975; 1) = 12.706, t(0.975; 2) = 4.303, t(0.975; 9) = 2.262, t(0.975; 30) = 2.042
    expect(studentTQuantile({ p: 0.975, df: 1 })).toBeCloseTo(12.7062, 3);
    expect(studentTQuantile({ p: 0.975, df: 2 })).toBeCloseTo(4.3027, 3);
    expect(studentTQuantile({ p: 0.975, df: 9 })).toBeCloseTo(2.2622, 3);
    expect(studentTQuantile({ p: 0.975, df: 30 })).toBeCloseTo(2.0423, 3);
    expect(studentTQuantile({ p: 0.025, df: 9 })).toBeCloseTo(-2.2622, 3);
    expect(studentTCdf({ t: 0, df: 5 })).toBe(0.5);
    expect(studentTCdf({ t: 2.2622, df: 9 })).toBeCloseTo(0.975, 4);
    // df = 1 is the Cauchy distribution: F(t) = 1/2 + atan(t)/π
    expect(studentTCdf({ t: 3, df: 1 })).toBeCloseTo(0.5 + Math.atan(3) / Math.PI, 10);
  });
});

describe('pairedDifference', () => {
  it('pairs per index, skips missing pairs, and gives the paired t interval and p-value', () => {
    const r = pairedDifference({ treatment: [12, 15, 11, null, 14], reference: [10, 11, 10, 9, 10] });
    expect(r.deltas).toEqual([2, 4, 1, null, 4]);
    expect(r.n).toBe(4);
    expect(r.mean).toBe(2.75);
    const sd = Math.sqrt(((2 - 2.75) ** 2 + (4 - 2.75) ** 2 + (1 - 2.75) ** 2 + (4 - 2.75) ** 2) / 3);
    expect(r.sd).toBeCloseTo(sd, 12);
    const half = 3.182446 * (sd / 2); // t(0.975; 3)
    expect(r.low).toBeCloseTo(2.75 - half, 4);
    expect(r.high).toBeCloseTo(2.75 + half, 4);
    // t = 2.75 / (1.5 / 2) = 3.6667 on 3 df → two-sided p ≈ 0.0350 (R: 2*pt(-3.6667, 3))
    expect(r.p).toBeCloseTo(0.035, 3);
  });

  it('has no interval below two pairs, and a point interval when every Δ is equal', () => {
    expect(pairedDifference({ treatment: [5], reference: [3] })).toMatchObject({ n: 1, mean: 2, low: null, high: null, p: null });
    expect(pairedDifference({ treatment: [5, 6], reference: [3, 4] })).toMatchObject({ mean: 2, low: 2, high: 2, p: 0 });
    expect(pairedDifference({ treatment: [3, 4], reference: [3, 4] })).toMatchObject({ mean: 0, low: 0, high: 0, p: 1 });
    expect(pairedDifference({ treatment: [null, null], reference: [1, 2] })).toMatchObject({ n: 0, mean: null });
  });
});

describe('holm', () => {
  it('adjusts step-down, keeps monotonicity, ignores untested hypotheses', () => {
    // p = 0.01, 0.04, 0.03, 0.005 → sorted 0.005·4 = 0.02, 0.01·3 = 0.03, 0.03·2 = 0.06, max(0.06, 0.04·1) = 0.06
    const r = holm({ pValues: [0.01, 0.04, null, 0.03, 0.005] });
    expect(r.adjusted[0]).toBeCloseTo(0.03, 12);
    expect(r.adjusted[1]).toBeCloseTo(0.06, 12);
    expect(r.adjusted[2]).toBeNull();
    expect(r.adjusted[3]).toBeCloseTo(0.06, 12);
    expect(r.adjusted[4]).toBeCloseTo(0.02, 12);
    expect(r.rejected).toEqual([true, false, false, false, true]);
    expect(holm({ pValues: [0.9, 0.3] }).adjusted).toEqual([0.9, 0.6]);
  });
});
