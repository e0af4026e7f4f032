import { describe, expect, it } from 'vitest';
import { defaultPayoutRules } from './payoutRules.ts';
import { priceFactorBps, validateBreakpoints } from './priceFactorBps.ts';

const price = (stressBps: bigint, breakpoints = defaultPayoutRules.priceCurve) => priceFactorBps({ stressBps, breakpoints });

describe('priceFactorBps', () => {
  it('follows the default curve (0, 8000, 10000, 15000) → (1.00, 1.00, 1.25, 2.00), clamped at the ends', () => {
    expect(price(0n)).toBe(10_000n);
    expect(price(8000n)).toBe(10_000n);
    expect(price(9000n)).toBe(11_250n); // 10000 + 2500·1000/2000
    expect(price(10_000n)).toBe(12_500n);
    expect(price(10_001n)).toBe(12_501n); // 12500 + 7500·1/5000 = 12501.5 → 12501
    expect(price(15_000n)).toBe(20_000n);
    expect(price(4_294_967_295n)).toBe(20_000n); // above the last breakpoint
  });

  it('clamps below the first breakpoint and rounds a falling segment down (y − ceil)', () => {
    const falling = { x: [1000n, 2000n], y: [20_000n, 10_003n] };
    expect(price(0n, falling)).toBe(20_000n);
    // 20000 − 9997·1/1000 = 19990.003 → 19990 (= 20000 − ceil(9.997))
    expect(price(1001n, falling)).toBe(19_990n);
    // 20000 − 9997·500/1000 = 15001.5 → 15001
    expect(price(1500n, falling)).toBe(15_001n);
    expect(price(2000n, falling)).toBe(10_003n);
  });

  it('accepts a single breakpoint (a constant factor)', () => {
    expect(price(0n, { x: [500n], y: [7000n] })).toBe(7000n);
    expect(price(600n, { x: [500n], y: [7000n] })).toBe(7000n);
  });

  it('rejects the curves governance cannot set', () => {
    expect(() => validateBreakpoints({ breakpoints: { x: [], y: [] } })).toThrow(/NoBreakpoints/);
    expect(() => validateBreakpoints({ breakpoints: { x: [1n, 2n], y: [1n] } })).toThrow(/BreakpointsLengthMismatch\(2, 1\)/);
    expect(() => validateBreakpoints({ breakpoints: { x: [1n, 1n], y: [1n, 2n] } })).toThrow(/BreakpointsNotIncreasing\(1, 1, 1\)/);
  });
});
