import { describe, expect, it } from 'vitest';
import { readKpi } from './headlineKpis.ts';
import { pairedKpis } from './pairedKpis.ts';
import { rankProposals, STATUS_QUO } from './rankProposals.ts';
import { seedList } from './seedList.ts';

const statusQuo = {
  'peak.reductionKw': [100, 120, 110, 105],
  'peak.eventHourReductionKw': [500, 520, 510, 505],
  'costEffectiveness.netBenefitUsd': [50, 60, 55, 52],
  'costEffectiveness.usdPerKwPeakReduced': [3, 3.1, 2.9, 3],
  'payouts.totalUsd': [1000, 1100, 1050, 1020],
  'gas.costUsd': [10, 10, 10, 10],
  'payouts.gini': [0.3, 0.31, 0.29, 0.3],
};

describe('pairedKpis and rankProposals', () => {
  it('pairs per seed, decides better / worse / not distinguishable under Holm, and ranks with a one-sentence reason', () => {
    const higherRate = {
      'peak.reductionKw': [150, 171, 158, 156], // +50, +51, +48, +51: better
      'peak.eventHourReductionKw': [500, 520, 510, 505], // same: not distinguishable
      'costEffectiveness.netBenefitUsd': [52, 58, 57, 51], // noise: not distinguishable
      'payouts.totalUsd': [1500, 1600, 1551, 1519], // +500 ± 1: worse (lower is better)
      'gas.costUsd': [12, 12, 12, 12], // +2 on every seed: worse
      'payouts.gini': [0.3, 0.31, 0.29, 0.3], // same: not distinguishable
    };
    const kpis = pairedKpis({ statusQuo, proposal: higherRate });
    const by = Object.fromEntries(kpis.map((k) => [k.path, k]));
    expect(by['peak.reductionKw'].deltas).toEqual([50, 51, 48, 51]);
    expect(by['peak.reductionKw'].mean).toBe(50);
    expect(by['peak.reductionKw'].low).toBeLessThan(50);
    expect(by['peak.reductionKw'].verdict).toBe('better');
    expect(by['peak.eventHourReductionKw'].verdict).toBe('not distinguishable');
    expect(by['costEffectiveness.netBenefitUsd'].verdict).toBe('not distinguishable');
    expect(by['payouts.totalUsd'].verdict).toBe('worse');
    expect(by['gas.costUsd']).toMatchObject({ verdict: 'worse', low: 2, high: 2 });
    expect(by['payouts.gini'].verdict).toBe('not distinguishable');
    // the proposal's run directories lack $/kW: n/a, not an error
    expect(by['costEffectiveness.usdPerKwPeakReduced']).toMatchObject({ verdict: 'n/a', n: 0, note: 'not in these run directories' });
    // Holm: adjusted p-values are never below the raw ones
    for (const k of kpis) if (k.p !== null) expect(k.pHolm).toBeGreaterThanOrEqual(k.p);

    const same = pairedKpis({ statusQuo, proposal: statusQuo });
    expect(same.every((k) => k.verdict === 'not distinguishable')).toBe(true);
    const ranking = rankProposals({
      proposals: [
        { label: 'proposal-same', status: 'defeated', kpis: same },
        { label: 'proposal-higher-rate', status: 'executed', kpis },
      ],
      seeds: 4,
      alpha: 0.05,
    });
    expect(ranking.map((r) => [r.rank, r.label, r.score])).toEqual([
      [1, STATUS_QUO, 0],
      [2, 'proposal-same', 0],
      [3, 'proposal-higher-rate', -1],
    ]);
    expect(ranking[2].reason).toBe(
      'proposal-higher-rate is better than the status quo on peak reduction +50.0 kW (95 % CI +47.7 to +52.3), worse on payouts +500 USD (95 % CI +499 to +501) and gas cost +2.00 USD (95 % CI +2.00 to +2.00); not distinguishable on 3 and n/a on 1 KPI (over 4 seeds, Holm α = 0.05).',
    );
    expect(ranking[1].reason).toContain('not distinguishable from the status quo on any headline KPI');
    expect(ranking[1].reason).toContain('the vote defeated it');
  });

  it('compares $/kW only when both peak reductions are clearly above zero', () => {
    const noPeak = { ...statusQuo, 'peak.reductionKw': [5, -4, 3, -2], 'costEffectiveness.usdPerKwPeakReduced': [200, 300, 250, 210] };
    const k = pairedKpis({ statusQuo, proposal: noPeak }).find((r) => r.path === 'costEffectiveness.usdPerKwPeakReduced');
    expect(k).toMatchObject({ verdict: 'n/a', note: 'peak reduction not clearly above zero', p: null });
    const clear = pairedKpis({ statusQuo, proposal: { ...statusQuo, 'costEffectiveness.usdPerKwPeakReduced': [2, 2.1, 1.9, 2] } });
    expect(clear.find((r) => r.path === 'costEffectiveness.usdPerKwPeakReduced')?.verdict).toBe('better');
  });

  it('reads KPIs by path, and derives the seed list from the scenario seed', () => {
    expect(readKpi({ summary: { peak: { reductionKw: 3 } }, path: 'peak.reductionKw' })).toBe(3);
    expect(readKpi({ summary: { peak: {} }, path: 'costEffectiveness.netBenefitUsd' })).toBeNull();
    expect(readKpi({ summary: { payouts: { gini: null } }, path: 'payouts.gini' })).toBeNull();
    expect(seedList({ seed: 42, count: 3 })).toEqual([42, 43, 44]);
    expect(seedList({ seed: 2 ** 32 - 1, count: 2 })).toEqual([2 ** 32 - 1, 0]);
    expect(() => seedList({ seed: 1, count: 0 })).toThrow('--seeds must be a whole number ≥ 1');
  });
});
