import { describe, expect, it } from 'vitest';
import { bps, decimalAmount, isoDate, isTimeZone, wholeNumber } from './fields.ts';

describe('scenario fields', () => {
  it('decimalAmount keeps what was written, as a decimal string', () => {
    expect(decimalAmount.parse(0.1)).toBe('0.1');
    expect(decimalAmount.parse(123.456)).toBe('123.456');
    expect(decimalAmount.parse(1e-7)).toBe('0.0000001');
    expect(decimalAmount.parse(0)).toBe('0');
    expect(decimalAmount.parse('2.000000000000000001')).toBe('2.000000000000000001');
    expect(decimalAmount.parse('1000000000000000000000')).toBe('1000000000000000000000');
  });

  it('decimalAmount rejects negatives, leading zeros, a bare point, 19 decimals and unquoted huge numbers', () => {
    for (const bad of [-1, '-1', '01', '1.', '.5', '1.1234567890123456789', 1e16, '1e3', true, null]) {
      const result = decimalAmount.safeParse(bad);
      expect(result.success, String(bad)).toBe(false);
      expect(result.error?.issues[0].message).toMatch(/^expected a decimal amount ≥ 0/);
    }
  });

  it('bps and wholeNumber accept whole numbers in range only', () => {
    expect(bps(10_000).safeParse(10_000).success).toBe(true);
    expect(bps(10_000).safeParse(10_001).success).toBe(false);
    expect(bps(10_000).safeParse(50.5).success).toBe(false);
    expect(bps(10_000).safeParse(-1).success).toBe(false);
    expect(wholeNumber(1).safeParse(0).error?.issues[0].message).toBe('expected a whole number ≥ 1');
    expect(wholeNumber(1, 5).safeParse(6).error?.issues[0].message).toBe('expected a whole number in [1, 5]');
  });

  it('isoDate accepts real calendar dates only', () => {
    expect(isoDate.safeParse('2008-02-29').success).toBe(true);
    expect(isoDate.safeParse('2007-02-29').success).toBe(false);
    expect(isoDate.safeParse('2007-7-1').success).toBe(false);
    expect(isoDate.safeParse('2007-07-01T00:00').success).toBe(false);
  });

  it('isTimeZone knows IANA names and UTC, not made-up ones', () => {
    expect(isTimeZone('America/New_York')).toBe(true);
    expect(isTimeZone('Europe/London')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('America/Gotham')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });
});
