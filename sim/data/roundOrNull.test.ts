import { describe, expect, it } from 'vitest';
import { roundOrNull } from './roundOrNull.ts';

describe('roundOrNull', () => {
  it('rounds half up to the decimals, and gives null when there is no finite number', () => {
    expect(roundOrNull({ value: 1.23456, decimals: 3 })).toBe(1.235);
    expect(roundOrNull({ value: -2.5, decimals: 0 })).toBe(-2);
    for (const value of [Number.NaN, -Infinity, null, undefined]) expect(roundOrNull({ value, decimals: 2 })).toBeNull();
  });
});
