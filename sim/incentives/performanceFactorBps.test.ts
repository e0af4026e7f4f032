import { describe, expect, it } from 'vitest';
import { PayoutRuleError } from '../errors.ts';
import { complianceBps } from './complianceBps.ts';
import { MAX_COMPLIANCE_BPS, MAX_PARAM_BPS } from './payoutConstants.ts';
import { performanceFactorBps, performanceFactorFromComplianceBps } from './performanceFactorBps.ts';

const params = { minComplianceBps: 5000n, bonusSlopeBps: 5000n, bonusCapBps: 2500n };
const factor = (deliveredWh: bigint, committedWh: bigint) => performanceFactorBps({ deliveredWh, committedWh, ...params });

describe('complianceBps', () => {
  it('is delivered × 10000 / committed rounded down, 0 without a commitment, saturating at 2^64', () => {
    expect(complianceBps({ deliveredWh: 2n, committedWh: 3n })).toBe(6666n); // 6666.67 → 6666
    expect(complianceBps({ deliveredWh: 12_000n, committedWh: 10_000n })).toBe(12_000n);
    expect(complianceBps({ deliveredWh: 5n, committedWh: 0n })).toBe(0n);
    expect(complianceBps({ deliveredWh: 1n << 200n, committedWh: 1n })).toBe(MAX_COMPLIANCE_BPS);
    // just below the saturation quotient 2^64 / 10000 = 1844674407370955: not saturated
    expect(complianceBps({ deliveredWh: 1_844_674_407_370_954n, committedWh: 1n })).toBe(18_446_744_073_709_540_000n);
  });
});

describe('performanceFactorBps (min 5000, slope 5000, cap 2500)', () => {
  it('pays nothing below the minimum compliance and exactly 1× from the minimum to 100 %', () => {
    expect(factor(4999n, 10_000n)).toBe(0n); // 49.99 %
    expect(factor(5000n, 10_000n)).toBe(10_000n); // exactly the minimum
    expect(factor(10_000n, 10_000n)).toBe(10_000n); // exactly 100 %
    expect(factor(7n, 0n)).toBe(0n); // nothing committed: compliance 0
  });

  it('adds slope × over-delivery, rounded down, up to the cap', () => {
    expect(factor(12_000n, 10_000n)).toBe(11_000n); // excess 2000 × 0.5 = 1000
    expect(factor(10_003n, 10_000n)).toBe(10_001n); // excess 3 × 0.5 = 1.5 → 1
    expect(factor(15_001n, 10_000n)).toBe(12_500n); // 2500.5 → 2500 = cap
    expect(factor(16_000n, 10_000n)).toBe(12_500n); // 3000 capped at 2500
    expect(factor(1n << 255n, 1n)).toBe(12_500n); // saturated compliance, still the cap
  });

  it('treats compliance 0 as meeting a zero minimum (same as the contract)', () => {
    expect(performanceFactorBps({ deliveredWh: 0n, committedWh: 0n, minComplianceBps: 0n, bonusSlopeBps: 0n, bonusCapBps: 0n })).toBe(10_000n);
  });

  it('saturates compliance above 2^64 and rejects parameters above uint32', () => {
    const huge = performanceFactorFromComplianceBps({ complianceBps: 1n << 100n, minComplianceBps: 0n, bonusSlopeBps: MAX_PARAM_BPS, bonusCapBps: MAX_PARAM_BPS });
    // (2^64 − 10000) × (2^32 − 1) / 10000 is far above the cap, so the cap applies
    expect(huge).toBe(10_000n + MAX_PARAM_BPS);
    expect(() => performanceFactorFromComplianceBps({ complianceBps: 1n, minComplianceBps: MAX_PARAM_BPS + 1n, bonusSlopeBps: 0n, bonusCapBps: 0n })).toThrow(
      PayoutRuleError,
    );
    expect(() => factor(1n, -1n)).toThrow(/outside uint256/);
  });
});
