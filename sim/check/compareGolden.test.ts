import { describe, expect, it } from 'vitest';
import { compareGolden } from './compareGolden.ts';
import { formatCheckTable } from './formatCheckTable.ts';
import type { Golden } from './goldenSchema.ts';
import { summaryMetric } from './checkMetrics.ts';
import { tinySummary } from './testSupport.ts';

const golden = (metrics: Golden['metrics']): Golden => ({ schema: 'peaklab/golden@1', scenario: 'tiny', seed: 7, metrics });

describe('compareGolden', () => {
  it('reads metrics from the summary, token totals in whole tokens', () => {
    const s = tinySummary();
    expect(summaryMetric({ summary: s, metric: 'peak.reductionKw' })).toBe(10);
    expect(summaryMetric({ summary: s, metric: 'payouts.totalByToken.pUSD' })).toBe(12.5);
    expect(summaryMetric({ summary: s, metric: 'payouts.totalByToken.GRID' })).toBeNull();
    expect(summaryMetric({ summary: s, metric: 'no.such' })).toBeNull();
  });

  it('passes within the absolute or the relative tolerance and fails outside both', () => {
    const g = golden({
      'peak.reductionKw': { value: 10.4, unit: 'kW', tolerance: { abs: 0.5 } },
      'payouts.totalByToken.pUSD': { value: 12.0, unit: 'pUSD', tolerance: { rel: 0.05 } },
      events: { value: 2, unit: 'events', tolerance: { abs: 0 } },
    });
    const inside = compareGolden({ golden: g, summary: tinySummary() });
    expect(inside.passed).toBe(true);
    expect(inside.rows.map((r) => [r.metric, r.status])).toEqual([
      ['peak.reductionKw', 'ok'],
      ['payouts.totalByToken.pUSD', 'ok'],
      ['events', 'ok'],
    ]);
    expect(inside.rows[0].delta).toBeCloseTo(-0.4, 10);
    expect(inside.rows[1].allowed).toBeCloseTo(0.6, 10);

    const outside = compareGolden({ golden: g, summary: tinySummary({ reductionKw: 9.8, pUSD: '12700000', events: 3 }) });
    expect(outside.passed).toBe(false);
    expect(outside.rows.map((r) => r.status)).toEqual(['breach', 'breach', 'breach']);

    // either tolerance suffices
    const either = golden({ 'peak.reductionKw': { value: 10.4, tolerance: { abs: 0.1, rel: 0.05 } } });
    expect(compareGolden({ golden: either, summary: tinySummary() }).passed).toBe(true);
  });

  it('fails on a metric the run lacks, and passes one absent from both', () => {
    const g = golden({
      'payouts.totalByToken.GRID': { value: 5, unit: 'GRID', tolerance: { rel: 0.02 } },
      'forecast.mapePct': { value: null, tolerance: { abs: 0.1 } },
    });
    const result = compareGolden({ golden: g, summary: tinySummary() });
    expect(result.rows.map((r) => r.status)).toEqual(['missing', 'ok']);
    expect(result.passed).toBe(false);
    const table = formatCheckTable({ rows: result.rows });
    expect(table.split('\n')[0]).toMatch(/^metric\s+golden\s+now\s+delta\s+tolerance\s+status$/);
    expect(table).toContain('MISSING');
    expect(formatCheckTable({ rows: compareGolden({ golden: golden({ events: { value: 2, tolerance: { abs: 0 } } }), summary: tinySummary() }).rows })).toMatch(/events\s+2\s+2\s+0\s+±0\s+ok$/);
  });

  it('prints metric, golden, now, delta, tolerance and status', () => {
    const g = golden({ 'peak.reductionKw': { value: 12, unit: 'kW', tolerance: { abs: 0.5, rel: 0.01 } } });
    const table = formatCheckTable({ rows: compareGolden({ golden: g, summary: tinySummary() }).rows });
    expect(table.split('\n')[2]).toMatch(/^peak\.reductionKw\s+12 kW\s+10 kW\s+−2 kW\s+±0\.5 kW or ±1%\s+BREACH$/);
  });
});
