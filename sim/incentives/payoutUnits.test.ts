import { describe, expect, it } from 'vitest';
import { PayoutRuleError } from '../errors.ts';
import { UINT256_MAX } from './payoutConstants.ts';
import { payoutUnits } from './payoutUnits.ts';

describe('payoutUnits', () => {
  it('multiplies everything and divides once by 1000 × 10000³', () => {
    // 2.5 kWh × 0.2 token/kWh (6 decimals: 200000 units) × 1.25 (tier) × 1.00 (perf) × 1.25 (price)
    // = 0.78125 token = 781250 units: 2500·200000·12500·10000·12500 / 10^15 = 781250.
    expect(payoutUnits({ deliveredWh: 2500n, rate: 200_000n, tierMultiplierBps: 12_500n, performanceFactorBps: 10_000n, priceFactorBps: 12_500n })).toBe(781_250n);
    // numbers are accepted for safe integers
    expect(payoutUnits({ deliveredWh: 2500, rate: 200_000, tierMultiplierBps: 12_500, performanceFactorBps: 10_000, priceFactorBps: 12_500 })).toBe(781_250n);
  });

  it('rounds down once, never in steps', () => {
    // 1999 Wh × 1 unit/kWh × 2.00: exact 3.998 → 3 (stepwise floor(1999/1000)·2 would give 2)
    expect(payoutUnits({ deliveredWh: 1999n, rate: 1n, tierMultiplierBps: 20_000n, performanceFactorBps: 10_000n, priceFactorBps: 10_000n })).toBe(3n);
    // 999 Wh at 1 unit/kWh is 0.999 units → 0; 1000 Wh → 1
    expect(payoutUnits({ deliveredWh: 999n, rate: 1n, tierMultiplierBps: 10_000n, performanceFactorBps: 10_000n, priceFactorBps: 10_000n })).toBe(0n);
    expect(payoutUnits({ deliveredWh: 1000n, rate: 1n, tierMultiplierBps: 10_000n, performanceFactorBps: 10_000n, priceFactorBps: 10_000n })).toBe(1n);
  });

  it('is 0 when any factor, the delivery or the rate is 0', () => {
    const base = { deliveredWh: 5000n, rate: 10n ** 18n, tierMultiplierBps: 10_000n, performanceFactorBps: 10_000n, priceFactorBps: 10_000n };
    expect(payoutUnits(base)).toBe(5n * 10n ** 18n);
    expect(payoutUnits({ ...base, performanceFactorBps: 0n })).toBe(0n);
    expect(payoutUnits({ ...base, deliveredWh: 0n })).toBe(0n);
    expect(payoutUnits({ ...base, rate: 0n })).toBe(0n);
  });

  it('throws where the contract reverts (PayoutOverflow)', () => {
    const big = { tierMultiplierBps: 10_000n, performanceFactorBps: 10_000n, priceFactorBps: 10_000n };
    // factor product over 2^256
    expect(() => payoutUnits({ deliveredWh: 1n, rate: 1n, tierMultiplierBps: 1n << 200n, performanceFactorBps: 1n << 60n, priceFactorBps: 1n })).toThrow(PayoutRuleError);
    // rate × f and delivered × f both overflow although the payout itself would be representable
    expect(() => payoutUnits({ deliveredWh: 1n << 250n, rate: 1n << 250n, ...big })).toThrow(/PayoutOverflow/);
    // only rate × f overflows: the second mulDiv path gives the exact floor
    expect(payoutUnits({ deliveredWh: 1000n, rate: 1n << 240n, ...big })).toBe(1n << 240n);
    // the payout itself exceeds 2^256: (2^256 − 1)·2^40·10^4 / 10^15 ≈ 11·2^256
    expect(() => payoutUnits({ deliveredWh: UINT256_MAX, rate: 1n << 40n, tierMultiplierBps: 10_000n, performanceFactorBps: 1n, priceFactorBps: 1n })).toThrow(/payout does not fit/);
    // inputs outside uint256 or not integers
    expect(() => payoutUnits({ deliveredWh: -1n, rate: 1n, ...big })).toThrow(/outside uint256/);
    expect(() => payoutUnits({ deliveredWh: 1.5, rate: 1n, ...big })).toThrow(/must be an integer/);
  });
});
