import { describe, expect, it } from 'vitest';
import type { TokenSymbol } from '../scenario/index.ts';
import { payoutSummary } from './payoutSummary.ts';

const tokenUsd = { GRID: 0.1, pUSD: 1 };

describe('payoutSummary', () => {
  it('totals entitlements by token paid in, in USD, per participant-event, and their spread', () => {
    const token: TokenSymbol[] = ['pUSD', 'pUSD', 'GRID'];
    const entitlement = [3_000_000n, 1_000_000n, 20n * 10n ** 18n];
    const result = payoutSummary({ consumers: { token, entitlement }, participants: 3, tokenUsd });
    expect(result).toEqual({
      totalByToken: { GRID: '20000000000000000000', pUSD: '4000000' },
      decimals: { GRID: 18, pUSD: 6 },
      totalUsd: 6,
      meanPerParticipant: { GRID: '6666666666666666666', pUSD: '1333333' },
      // USD per consumer 3, 1, 2: G = Σ|xi − xj| / (2 n² x̄) = 8 / 36, to 4 decimals.
      gini: 0.2222,
    });
  });
  it('writes 0 per participant and no gini when nothing was paid', () => {
    const result = payoutSummary({ consumers: { token: ['GRID'], entitlement: [0n] }, participants: 0, tokenUsd });
    expect(result).toEqual({ totalByToken: { GRID: '0' }, decimals: { GRID: 18 }, totalUsd: 0, meanPerParticipant: { GRID: '0' }, gini: null });
  });
});
