import { describe, expect, it } from 'vitest';
import { crossCheck } from './crossCheck.ts';
import { defaultPayoutRules } from './payoutRules.ts';
import { quotePayout } from './quotePayout.ts';

const A = '0x0000000000000000000000000000000000000C01';
const B = '0x0000000000000000000000000000000000000c02';

describe('crossCheck', () => {
  it('passes when every account matches (address case aside)', () => {
    const result = crossCheck({ expected: [{ account: A, amount: 5n }, { account: B, amount: 7n }], onChain: [{ account: A.toLowerCase(), amount: 5n }, { account: B, amount: 7n }] });
    expect(result).toEqual({ consumersChecked: 2, mismatches: [] });
  });

  it('catches a deliberately wrong payout', () => {
    const terms = { rate: 3n, tierMultiplierBps: 12_500, stressBps: 9000 };
    // exact: 2.5 kWh × 3 units × 1.25 × 1.125 × 1.125 = 11.865… → 11
    const right = quotePayout({ terms, rules: defaultPayoutRules, deliveredWh: 2500n, committedWh: 2000n }).amount;
    // the classic bug, rounding after each factor: floor(7.5) = 7, ×1.25 → 8, ×1.125 → 9, ×1.125 → 10
    const stepwise = (((((2500n * 3n) / 1000n) * 12_500n) / 10_000n) * 11_250n / 10_000n) * 11_250n / 10_000n;
    expect(right).toBe(11n);
    expect(stepwise).toBe(10n);
    const result = crossCheck({ expected: [{ account: A, amount: stepwise }, { account: B, amount: 3n }], onChain: [{ account: A, amount: right }, { account: B, amount: 3n }] });
    expect(result.consumersChecked).toBe(2);
    expect(result.mismatches).toEqual([{ account: A, expected: 10n, onChain: 11n }]);
  });

  it('counts an account missing on one side as 0 there', () => {
    const result = crossCheck({ expected: [{ account: A, amount: 1n }], onChain: [{ account: B, amount: 2n }, { account: A, amount: 1n }] });
    expect(result).toEqual({ consumersChecked: 2, mismatches: [{ account: B, expected: 0n, onChain: 2n }] });
    expect(crossCheck({ expected: [{ account: A, amount: 0n }], onChain: [] }).mismatches).toEqual([]);
    expect(() => crossCheck({ expected: [{ account: A, amount: 1n }, { account: A.toLowerCase(), amount: 1n }], onChain: [] })).toThrow(/twice/);
  });
});
