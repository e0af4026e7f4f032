import { describe, expect, it } from 'vitest';
import { finiteMedian } from './finiteMedian.ts';

describe('finiteMedian', () => {
  it('is the middle value of an odd count and the midpoint of the two middle values of an even count', () => {
    expect(finiteMedian({ values: [5, 1, 3] })).toBe(3);
    expect(finiteMedian({ values: [4, 1, 3, 2] })).toBe(2.5);
  });

  it('leaves out NaN and infinities, and is NaN when nothing finite is left', () => {
    expect(finiteMedian({ values: [Number.NaN, 2, Number.POSITIVE_INFINITY, 4, Number.NEGATIVE_INFINITY] })).toBe(3);
    expect(finiteMedian({ values: [Number.NaN] })).toBeNaN();
    expect(finiteMedian({ values: [] })).toBeNaN();
  });

  it('does not reorder its input', () => {
    const values = [3, 1, 2];
    finiteMedian({ values });
    expect(values).toEqual([3, 1, 2]);
  });
});
