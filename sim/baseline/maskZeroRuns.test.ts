import { describe, expect, it } from 'vitest';
import { maskZeroRuns } from './maskZeroRuns.ts';

describe('maskZeroRuns', () => {
  it('masks only runs of at least minRun zeros, including one at the end', () => {
    const input = Float64Array.of(1, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0);
    const { values, masked } = maskZeroRuns({ values: input, minRun: 3 });
    expect([...values].map((v) => (Number.isNaN(v) ? 'x' : v))).toEqual([1, 0, 0, 2, 'x', 'x', 'x', 3, 'x', 'x', 'x']);
    expect(masked).toBe(6);
    expect(input[4]).toBe(0);
  });
});
