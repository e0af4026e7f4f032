import { describe, expect, it } from 'vitest';
import { MetricInputError } from '../errors.ts';
import { fixed } from './fixed.ts';
import { formatNumber } from './formatNumber.ts';

describe('formatNumber', () => {
  it('writes fixed decimals without grouping, exponents or negative zero', () => {
    expect(formatNumber({ value: 1234.5678, decimals: 2 })).toBe('1234.57');
    expect(formatNumber({ value: 0.1 + 0.2, decimals: 3 })).toBe('0.300');
    expect(formatNumber({ value: -0.0004, decimals: 2 })).toBe('0.00');
    expect(formatNumber({ value: -1.5, decimals: 0 })).toBe('-2'); // toFixed rounds half away from zero
    expect(formatNumber({ value: 1e-7, decimals: 8 })).toBe('0.00000010');
    expect(formatNumber({ value: 123_456_789_012, decimals: 1 })).toBe('123456789012.0');
  });

  it('writes bigints exactly and refuses what it cannot write', () => {
    expect(formatNumber({ value: 10n ** 30n + 1n, decimals: 2 })).toBe('1000000000000000000000000000001');
    expect(() => formatNumber({ value: Number.NaN, decimals: 1 })).toThrow(MetricInputError);
    expect(() => formatNumber({ value: null, decimals: 1 })).toThrow(/empty cell or null/);
    expect(() => formatNumber({ value: 1e21, decimals: 0 })).toThrow(/bigint/);
    expect(() => formatNumber({ value: 1, decimals: 16 })).toThrow(/decimals/);
  });
});

describe('formatNumber for display', () => {
  it('groups thousands with commas and keeps fixed decimals', () => {
    expect(formatNumber({ value: 1234567.891, decimals: 1, display: true })).toBe('1,234,567.9');
    expect(formatNumber({ value: 999, display: true })).toBe('999');
    expect(formatNumber({ value: 1000, display: true })).toBe('1,000');
    expect(formatNumber({ value: 0.5, decimals: 3, display: true })).toBe('0.500');
    expect(formatNumber({ value: 10n ** 21n + 1n, decimals: 2, display: true })).toBe('1,000,000,000,000,000,000,001');
  });

  it('rounds exactly as results files do (toFixed on the binary value, not the shortest decimal)', () => {
    // 1.005 is 1.00499999999999989… in binary: toFixed writes 1.00 where Intl alone would write 1.01.
    expect(formatNumber({ value: 1.005, decimals: 2 })).toBe('1.00');
    expect(formatNumber({ value: 1.005, decimals: 2, display: true })).toBe('1.00');
    expect(formatNumber({ value: -1.5, decimals: 0, display: true })).toBe('−2');
  });

  it('uses a true minus sign, a plus only when asked, and no sign on a value that rounds to zero', () => {
    expect(formatNumber({ value: -1234.5, decimals: 1, display: true })).toBe('−1,234.5');
    expect(formatNumber({ value: 12, signed: true, display: true })).toBe('+12');
    expect(formatNumber({ value: -0.0001, decimals: 2, signed: true, display: true })).toBe('0.00');
    expect(formatNumber({ value: -0.0001, decimals: 2, display: true })).toBe('0.00');
    expect(formatNumber({ value: 0, signed: true, display: true })).toBe('0');
  });

  it('shows a dash for missing values', () => {
    expect(formatNumber({ value: null, display: true })).toBe('–');
    expect(formatNumber({ value: undefined, display: true })).toBe('–');
    expect(formatNumber({ value: Number.NaN, display: true })).toBe('–');
    expect(formatNumber({ value: Infinity, display: true })).toBe('–');
  });
});

describe('fixed', () => {
  it('rounds to the same decimals formatNumber writes, as a number', () => {
    expect(fixed({ value: 10.94999, decimals: 1 })).toBe(10.9);
    expect(fixed({ value: 2 / 3, decimals: 3 })).toBe(0.667);
    expect(Object.is(fixed({ value: -0.0001, decimals: 2 }), 0)).toBe(true);
    expect(JSON.stringify({ v: fixed({ value: 1234.5678, decimals: 2 }) })).toBe('{"v":1234.57}');
    expect(() => fixed({ value: Number.POSITIVE_INFINITY, decimals: 2 })).toThrow(/null/);
  });
});
