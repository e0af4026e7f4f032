import { describe, expect, it } from 'vitest';
import { csvNumber } from './csvNumber.ts';

describe('csvNumber', () => {
  it('writes fixed decimals, and an empty cell for anything that is not a finite number', () => {
    expect(csvNumber({ value: 1.23456, decimals: 3 })).toBe('1.235');
    expect(csvNumber({ value: 7, decimals: 0 })).toBe('7');
    for (const value of [Number.NaN, Infinity, null, undefined, '1.5']) expect(csvNumber({ value, decimals: 2 })).toBe('');
  });
});
