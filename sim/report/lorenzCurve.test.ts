import { describe, expect, it } from 'vitest';
import { lorenzCurve } from './lorenzCurve.ts';

describe('lorenzCurve', () => {
  it('gives Gini 0 and the diagonal when everyone gets the same', () => {
    const { gini, points } = lorenzCurve({ amounts: [5, 5, 5, 5] });
    expect(gini).toBeCloseTo(0, 12);
    expect(points).toEqual([
      { population: 0, share: 0 },
      { population: 0.25, share: 0.25 },
      { population: 0.5, share: 0.5 },
      { population: 0.75, share: 0.75 },
      { population: 1, share: 1 },
    ]);
  });
  it('gives (n−1)/n when one member gets everything, whatever the input order', () => {
    expect(lorenzCurve({ amounts: [0, 9, 0, 0] }).gini).toBeCloseTo(0.75, 12);
    expect(lorenzCurve({ amounts: [9, 0, 0, 0] }).points.at(-2)).toEqual({ population: 0.75, share: 0 });
  });
  it('matches the mean-absolute-difference definition', () => {
    const amounts = [1, 2, 3, 10, 4];
    let sum = 0;
    for (const a of amounts) for (const b of amounts) sum += Math.abs(a - b);
    const mean = amounts.reduce((s, v) => s + v, 0) / amounts.length;
    expect(lorenzCurve({ amounts }).gini).toBeCloseTo(sum / (2 * amounts.length ** 2 * mean), 12);
  });
  it('thins long curves but keeps both ends', () => {
    const { points } = lorenzCurve({ amounts: Array.from({ length: 1000 }, (_, i) => i), maxPoints: 50 });
    expect(points.length).toBe(51);
    expect(points[0]).toEqual({ population: 0, share: 0 });
    expect(points.at(-1)).toEqual({ population: 1, share: 1 });
  });
  it('has no Gini when nobody was paid', () => {
    expect(lorenzCurve({ amounts: [0, 0] }).gini).toBeNull();
    expect(lorenzCurve({ amounts: [] }).gini).toBeNull();
  });
});
