import { describe, expect, it } from 'vitest';
import { MetricInputError } from '../errors.ts';
import { gini } from './gini.ts';
import { lorenz } from './lorenz.ts';

describe('gini', () => {
  it('is 0 for equal amounts and (n − 1)/n when one member holds everything', () => {
    expect(gini({ values: [5, 5, 5, 5] })).toBe(0);
    expect(gini({ values: [7n, 7n, 7n] })).toBe(0);
    expect(gini({ values: [0, 0, 0, 9] })).toBe(0.75); // (4 − 1)/4
    expect(gini({ values: [0n, 10n ** 30n, 0n, 0n, 0n] })).toBe(0.8); // (5 − 1)/5, bigint amounts beyond 2^53
  });

  it('matches the pairwise definition on a small case', () => {
    // values 1, 2, 3: Σ|xi − xj| over ordered pairs = 2·(1 + 2 + 1) = 8; 2·n²·mean = 2·9·2 = 36 → 8/36 = 2/9
    expect(gini({ values: Float64Array.of(3, 1, 2) })).toBeCloseTo(2 / 9, 15);
    expect(gini({ values: [3n, 1n, 2n] })).toBeCloseTo(2 / 9, 15);
    // token amounts (18 decimals) whose float sum would lose the 1-unit differences still give the exact answer
    const big = 10n ** 24n;
    expect(gini({ values: [big, big + 1n] })).toBeCloseTo(0, 15);
  });

  it('is null when undefined and rejects negative amounts', () => {
    expect(gini({ values: [] })).toBeNull();
    expect(gini({ values: [0, 0] })).toBeNull();
    expect(() => gini({ values: [1, -1] })).toThrow(MetricInputError);
    expect(() => gini({ values: [1n, -1n] })).toThrow(/non-negative bigint/);
  });
});

describe('lorenz', () => {
  it('runs from (0, 0) to (1, 1) through the cumulative shares of the sorted amounts', () => {
    // sorted 0, 1, 3 (total 4): shares 0, 0, 1/4, 1 at population 0, 1/3, 2/3, 1
    const { population, share } = lorenz({ values: [3, 0, 1] });
    expect(Array.from(population)).toEqual([0, 1 / 3, 2 / 3, 1]);
    expect(Array.from(share)).toEqual([0, 0, 0.25, 1]);
    const bigint = lorenz({ values: [3n * 10n ** 20n, 0n, 10n ** 20n] });
    expect(Array.from(bigint.share)).toEqual([0, 0, 0.25, 1]);
  });

  it('is the line of equality for equal (or all-zero) amounts and a single point for nobody', () => {
    expect(Array.from(lorenz({ values: [2, 2] }).share)).toEqual([0, 0.5, 1]);
    expect(Array.from(lorenz({ values: [0n, 0n] }).share)).toEqual([0, 0.5, 1]);
    const empty = lorenz({ values: [] });
    expect(Array.from(empty.population)).toEqual([0]);
    expect(Array.from(empty.share)).toEqual([0]);
  });
});
