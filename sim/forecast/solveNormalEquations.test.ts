import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { NormalEquations } from './normalEquations.ts';
import { solveNormalEquations } from './solveNormalEquations.ts';

describe('solveNormalEquations', () => {
  it('recovers exact coefficients of a noiseless linear model (OLS)', () => {
    const rng = seedrandom('ols');
    const beta = [3, -2, 0.5, 10];
    const equations = new NormalEquations(4);
    for (let r = 0; r < 50; r++) {
      const x = [1, rng() * 10, rng() - 0.5, rng() * rng()];
      equations.addRow(x, x.reduce((s, v, j) => s + v * beta[j], 0));
    }
    const { coefficients, aliased } = solveNormalEquations({ equations });
    expect(aliased).toEqual([]);
    coefficients.forEach((c, j) => expect(c).toBeCloseTo(beta[j], 9));
  });

  it('drops aliased (duplicate and never-observed) columns and still fits', () => {
    const equations = new NormalEquations(4);
    const rng = seedrandom('aliased');
    for (let r = 0; r < 30; r++) {
      const u = rng();
      // column 2 duplicates column 1; column 3 is never non-zero
      equations.addRow([1, u, u, 0], 2 + 4 * u);
    }
    const { coefficients, aliased } = solveNormalEquations({ equations });
    expect(aliased).toEqual([2, 3]);
    expect(coefficients[0]).toBeCloseTo(2, 9);
    expect(coefficients[1]).toBeCloseTo(4, 9);
    expect(coefficients[2]).toBe(0);
    expect(coefficients[3]).toBe(0);
  });

  it('ridge equals the closed form on standardised columns and shrinks towards 0', () => {
    // one regressor: slope = Sxy / (Sxx (1 + ridge)), with Sxx, Sxy centred sums
    const xs = [0, 1, 2, 3, 4];
    const ys = [1, 3, 2, 5, 4];
    const equations = new NormalEquations(2);
    xs.forEach((x, r) => equations.addRow([1, x], ys[r]));
    const mx = 2;
    const my = 3;
    const sxx = xs.reduce((s, x) => s + (x - mx) ** 2, 0);
    const sxy = xs.reduce((s, x, r) => s + (x - mx) * (ys[r] - my), 0);
    const ridge = 0.5;
    const { coefficients } = solveNormalEquations({ equations, ridge });
    const slope = sxy / (sxx * (1 + ridge));
    expect(coefficients[1]).toBeCloseTo(slope, 12);
    expect(coefficients[0]).toBeCloseTo(my - slope * mx, 12);
    const ols = solveNormalEquations({ equations }).coefficients[1];
    expect(Math.abs(coefficients[1])).toBeLessThan(Math.abs(ols));
  });
});
