import { describe, expect, it } from 'vitest';
import { PayoutRuleError } from '../errors.ts';
import { defaultPayoutRules } from './payoutRules.ts';
import { quotePayout } from './quotePayout.ts';

describe('quotePayout', () => {
  it('combines the frozen terms with the governed rule', () => {
    // 2.5 kWh delivered of 2 kWh committed (125 %: perf 10000 + 2500·0.5 = 11250), tier 2 (×1.25),
    // stress 9000 (price 11250), 0.2 token/kWh with 6 decimals:
    // 2500·200000·12500·11250·11250 / 10^15 = 791015.625 → 791015
    const quote = quotePayout({
      terms: { rate: 200_000n, tierMultiplierBps: 12_500, stressBps: 9000 },
      rules: defaultPayoutRules,
      deliveredWh: 2500n,
      committedWh: 2000n,
    });
    expect(quote).toEqual({ amount: 791_015n, complianceBps: 12_500n, performanceFactorBps: 11_250n, priceFactorBps: 11_250n });
  });

  it('pays nothing below the minimum compliance', () => {
    const quote = quotePayout({ terms: { rate: 10n ** 18n, tierMultiplierBps: 10_000, stressBps: 0 }, rules: defaultPayoutRules, deliveredWh: 499n, committedWh: 1000n });
    expect(quote.amount).toBe(0n);
    expect(quote.performanceFactorBps).toBe(0n);
  });

  it('rejects terms ReductionRequests cannot store (rate uint128, multiplier uint16, stress uint32)', () => {
    const rules = defaultPayoutRules;
    expect(() => quotePayout({ terms: { rate: 1n << 128n, tierMultiplierBps: 1, stressBps: 0 }, rules, deliveredWh: 1n, committedWh: 1n })).toThrow(PayoutRuleError);
    expect(() => quotePayout({ terms: { rate: 1n, tierMultiplierBps: 65_536, stressBps: 0 }, rules, deliveredWh: 1n, committedWh: 1n })).toThrow(/uint16/);
    expect(() => quotePayout({ terms: { rate: 1n, tierMultiplierBps: 1, stressBps: 2 ** 32 }, rules, deliveredWh: 1n, committedWh: 1n })).toThrow(/uint32/);
  });
});
