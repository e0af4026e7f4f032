import { describe, expect, it } from 'vitest';
import { formatNumber } from './formatNumber.ts';

describe('formatNumber', () => {
  it('groups thousands with commas and keeps fixed decimals', () => {
    expect(formatNumber({ value: 1234567.891, decimals: 1 })).toBe('1,234,567.9');
    expect(formatNumber({ value: 999, decimals: 0 })).toBe('999');
    expect(formatNumber({ value: 1000 })).toBe('1,000');
    expect(formatNumber({ value: 0.5, decimals: 3 })).toBe('0.500');
  });
  it('uses a true minus sign and a plus only when asked', () => {
    expect(formatNumber({ value: -1234.5, decimals: 1 })).toBe('−1,234.5');
    expect(formatNumber({ value: 12, signed: true })).toBe('+12');
    expect(formatNumber({ value: -0.0001, decimals: 2, signed: true })).toBe('0.00');
  });
  it('shows a dash for missing values', () => {
    expect(formatNumber({ value: null })).toBe('–');
    expect(formatNumber({ value: Number.NaN })).toBe('–');
    expect(formatNumber({ value: Infinity })).toBe('–');
  });
});
