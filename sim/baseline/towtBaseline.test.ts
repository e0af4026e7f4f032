import { describe, expect, it } from 'vitest';
import { mergeSparseSegments, temperatureComponents } from './towtBaseline.ts';

describe('TOWT temperature terms', () => {
  it('splits a temperature into piecewise-linear components (Mathieu et al. 2011)', () => {
    const out = new Float64Array(4);
    // knots 10, 20, 30: T = 25 → [min(25,10), clamp(25−10, 0, 10), clamp(25−20, 0, 10), max(25−30, 0)] = [10, 10, 5, 0].
    temperatureComponents(25, [10, 20, 30], out, 0);
    expect([...out]).toEqual([10, 10, 5, 0]);
    temperatureComponents(-3, [10, 20, 30], out, 0);
    expect([...out]).toEqual([-3, 0, 0, 0]);
    temperatureComponents(34, [10, 20, 30], out, 0);
    expect([...out]).toEqual([10, 10, 10, 4]);
  });

  it('merges segments with too few training hours', () => {
    // 30 points below 10, 25 in [10, 20), 3 in [20, 30), none above 30 → the 30 and 20 knots go.
    const temperatures = [...Array(30).fill(5), ...Array(25).fill(15), 22, 23, 24];
    expect(mergeSparseSegments({ knots: [10, 20, 30], temperatures, minPoints: 20 })).toEqual([10]);
    // A sparse cold segment merges upward.
    expect(mergeSparseSegments({ knots: [10, 20], temperatures: [1, ...Array(25).fill(15), ...Array(25).fill(25)], minPoints: 20 })).toEqual([20]);
    expect(mergeSparseSegments({ knots: [10, 20], temperatures: [1, 2], minPoints: 20 })).toEqual([]);
  });
});
