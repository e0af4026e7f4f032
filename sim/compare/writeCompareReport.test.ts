import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRunDirectory, writeTestRunDirectory } from '../report/index.ts';
import type { GovernanceRecord } from './governanceRecord.ts';
import { writeCompareReport } from './writeCompareReport.ts';

const record = (title: string, status: 'executed' | 'defeated'): GovernanceRecord => ({
  proposal: { file: `${title}.yaml`, sha256: '00', title, description: '', changes: [{ parameter: 'IncentiveDistributor.minComplianceBps', kind: 'governed', value: 6000, line: 4 }] },
  status,
  state: status === 'executed' ? 'Executed' : 'Defeated',
  proposalId: '1',
  votes: { for: '600000000000000000000000', against: '100000000000000000000000', abstain: '0', quorum: '40000000000000000000000', voters: 14, holders: 20 },
  actions: ['IncentiveDistributor.setPerformanceParams(6000, 5000, 2500)'],
  signalOnly: false,
  readBack: [],
  scenarioEdits: [],
  timeline: { proposed: '1', executed: null },
  gasUsed: '1234567',
});

describe('writeCompareReport', () => {
  it('writes compare.json with the status quo, per-seed paired Δs, intervals and a ranking, and compare.html with the verdict and overlaid charts', async () => {
    const out = mkdtempSync(join(tmpdir(), 'peaklab-compare-'));
    try {
      const dirs = (label: string, seeds: number[]) => seeds.map((seed) => ({ seed, dir: writeTestRunDirectory({ dir: join(out, label, `seed-${seed}`), seed, days: 4, consumers: 12 }).dir }));
      const sq = dirs('status-quo', [1, 2, 3]);
      const a = dirs('proposal-a', [4, 5, 6]);
      const b = dirs('proposal-b', [1, 2, 3]); // the same seasons as the status quo: every Δ is 0
      const runs = [
        { label: 'status-quo', dir: sq[0].dir, governance: null, seeds: sq },
        { label: 'proposal-a', dir: a[0].dir, governance: record('A', 'executed'), seeds: a },
        { label: 'proposal-b', dir: b[0].dir, governance: record('B', 'defeated'), seeds: b },
      ];
      const scenario = { name: 'tiny', file: 'scenarios/tiny.yaml', sha256: 'ff', seed: 1 };
      const result = await writeCompareReport({ out, scenario, runs });
      const json = JSON.parse(readFileSync(result.json, 'utf8'));
      expect(json.schema).toBe('peaklab/compare@2');
      expect(json.reference).toBe('status-quo');
      expect(json.seeds).toEqual([1, 2, 3]);
      expect(json.runs.map((r: { label: string; dir: string }) => [r.label, r.dir])).toEqual([
        ['status-quo', 'status-quo/seed-1'],
        ['proposal-a', 'proposal-a/seed-4'],
        ['proposal-b', 'proposal-b/seed-1'],
      ]);
      expect(json.runs[2].governance.status).toBe('defeated');
      // first seed's KPIs side by side, Δ to the status quo
      const peak = json.kpis.find((k: { id: string }) => k.id === 'peak.withDrKw');
      const [s0, a0] = [readRunDirectory({ dir: sq[0].dir }).summary, readRunDirectory({ dir: a[0].dir }).summary];
      expect(peak.values[0]).toBe(s0.peak.withDrKw);
      expect(peak.deltas[1]).toBeCloseTo(a0.peak.withDrKw - s0.peak.withDrKw, 6);
      // paired per seed
      const reduction = json.paired[0].kpis.find((k: { path: string }) => k.path === 'peak.reductionKw');
      const red = (d: { dir: string }) => readRunDirectory({ dir: d.dir }).summary.peak.reductionKw;
      for (const i of [0, 1, 2]) expect(reduction.deltas[i]).toBeCloseTo(red(a[i]) - red(sq[i]), 6);
      expect(reduction.n).toBe(3);
      expect(reduction.low).toBeLessThanOrEqual(reduction.mean);
      expect(json.paired[1].kpis.filter((k: { verdict: string }) => k.verdict !== 'n/a').every((k: { mean: number; verdict: string }) => k.mean === 0 && k.verdict === 'not distinguishable')).toBe(true);
      expect(json.verdict[0].label).toBeDefined();
      expect(json.verdict.find((v: { label: string }) => v.label === 'proposal-b').reason).toContain('the vote defeated it');

      const html = readFileSync(result.html, 'utf8');
      expect(html).toContain('<th scope="col">Δ vs status-quo</th>');
      expect(html).toContain('defeated, not applied');
      expect(html).toContain('The scenario as is (the reference of every Δ)');
      expect(html).toContain('600,000 / 100,000 / 0');
      expect(html).toContain('<ol class="verdict">');
      expect(html).toContain('seed 3');
      expect(result.charts).toContain('system-load');
      for (const name of result.charts) expect(existsSync(join(out, 'charts', `${name}.svg`))).toBe(true);
      const spec = readFileSync(join(out, 'charts', 'system-load.vl.json'), 'utf8');
      expect(spec).toContain('proposal-a · ');
      expect(spec).toContain('status-quo · ');

      // same inputs, same bytes
      const again = await writeCompareReport({ out, scenario, runs });
      expect(readFileSync(again.html, 'utf8')).toBe(html);
      expect(readFileSync(again.json, 'utf8')).toBe(readFileSync(result.json, 'utf8'));
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 60_000);
});
