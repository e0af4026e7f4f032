import { describe, expect, it } from 'vitest';
import { counterNormal, counterNormalPair, counterUniform } from './counterRandom.ts';

describe('counterRandom', () => {
  it('is a pure function of (key, a, b) and changes with each of them', () => {
    expect(counterUniform(42, 13_700, 5)).toBe(counterUniform(42, 13_700, 5));
    const base = counterUniform(42, 13_700, 5);
    expect(counterUniform(43, 13_700, 5)).not.toBe(base);
    expect(counterUniform(42, 13_701, 5)).not.toBe(base);
    expect(counterUniform(42, 13_700, 6)).not.toBe(base);
  });

  it('gives uniforms in [0, 1) and standard normals (moments over 200,000 draws)', () => {
    const n = 200_000;
    let sum = 0;
    let below = 0;
    let min = 1;
    let max = 0;
    let zSum = 0;
    let zSq = 0;
    for (let k = 0; k < n; k++) {
      const u = counterUniform(7, k >> 8, k & 255);
      sum += u;
      if (u < 0.1) below += 1;
      min = Math.min(min, u);
      max = Math.max(max, u);
      const z = counterNormal(7, k >> 8, k & 255);
      zSum += z;
      zSq += z * z;
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    expect(sum / n).toBeCloseTo(0.5, 2);
    expect(below / n).toBeCloseTo(0.1, 2);
    expect(zSum / n).toBeCloseTo(0, 1);
    expect(zSq / n).toBeCloseTo(1, 1);
  });

  it('counterNormalPair gives two uncorrelated standard normals per counter pair', () => {
    const n = 100_000;
    const z = new Float64Array(2);
    let [s1, s2, q1, q2, cross] = [0, 0, 0, 0, 0];
    for (let k = 0; k < n; k++) {
      counterNormalPair(99, k, 2, z, 0);
      [s1, s2, q1, q2, cross] = [s1 + z[0]!, s2 + z[1]!, q1 + z[0]! ** 2, q2 + z[1]! ** 2, cross + z[0]! * z[1]!];
    }
    expect(s1 / n).toBeCloseTo(0, 1);
    expect(s2 / n).toBeCloseTo(0, 1);
    expect(q1 / n).toBeCloseTo(1, 1);
    expect(q2 / n).toBeCloseTo(1, 1);
    expect(cross / n).toBeCloseTo(0, 1);
  });
});
