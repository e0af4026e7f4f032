import { describe, expect, it } from 'vitest';
import { formatTokenAmount, tokenAmountToNumber } from './formatTokenAmount.ts';

describe('formatTokenAmount', () => {
  it('divides by the decimals exactly, beyond float precision', () => {
    expect(formatTokenAmount({ amount: 123_000_000_000_000_000_000n, decimals: 18 })).toBe('123.00');
    expect(formatTokenAmount({ amount: 123_456_789_012_345_678_901_234_567n, decimals: 18, fractionDigits: 6 })).toBe('123,456,789.012346');
    expect(formatTokenAmount({ amount: 456_000_000n, decimals: 6 })).toBe('456.00');
  });
  it('rounds half up at the requested digits', () => {
    expect(formatTokenAmount({ amount: 1_235n, decimals: 3, fractionDigits: 2 })).toBe('1.24');
    expect(formatTokenAmount({ amount: 1_234n, decimals: 3, fractionDigits: 2 })).toBe('1.23');
    expect(formatTokenAmount({ amount: 999_999n, decimals: 6, fractionDigits: 2 })).toBe('1.00');
    expect(formatTokenAmount({ amount: 7n, decimals: 0, fractionDigits: 0 })).toBe('7');
  });
  it('converts to a float for charts', () => {
    expect(tokenAmountToNumber({ amount: 1_500_000_000_000_000_000n, decimals: 18 })).toBe(1.5);
    expect(tokenAmountToNumber({ amount: 72_432_400n, decimals: 6 })).toBeCloseTo(72.4324, 10);
  });
});
