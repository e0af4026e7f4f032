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
  it('writes compare.json with both runs, KPIs side by side with deltas, and compare.html with overlaid charts', async () => {
    const out = mkdtempSync(join(tmpdir(), 'peaklab-compare-'));
    try {
      const a = writeTestRunDirectory({ dir: join(out, 'proposal-a'), seed: 1, days: 4, consumers: 12 });
      const b = writeTestRunDirectory({ dir: join(out, 'proposal-b'), seed: 2, days: 4, consumers: 12 });
      const result = await writeCompareReport({
        out,
        scenario: { name: 'tiny', file: 'scenarios/tiny.yaml', sha256: 'ff', seed: 1 },
        runs: [
          { label: 'proposal-a', dir: a.dir, governance: record('A', 'executed') },
          { label: 'proposal-b', dir: b.dir, governance: record('B', 'defeated') },
        ],
      });
      const json = JSON.parse(readFileSync(result.json, 'utf8'));
      expect(json.schema).toBe('peaklab/compare@1');
      expect(json.runs.map((r: { label: string; dir: string }) => [r.label, r.dir])).toEqual([
        ['proposal-a', 'proposal-a'],
        ['proposal-b', 'proposal-b'],
      ]);
      expect(json.runs[1].governance.status).toBe('defeated');
      const peak = json.kpis.find((k: { id: string }) => k.id === 'peak.withDrKw');
      const [sa, sb] = [readRunDirectory({ dir: a.dir }).summary, readRunDirectory({ dir: b.dir }).summary];
      expect(peak.values).toEqual([sa.peak.withDrKw, sb.peak.withDrKw]);
      expect(peak.deltas[0]).toBeNull();
      expect(peak.deltas[1]).toBeCloseTo(sb.peak.withDrKw - sa.peak.withDrKw, 6);

      const html = readFileSync(result.html, 'utf8');
      expect(html).toContain('<th scope="col">Δ vs proposal-a</th>');
      expect(html).toContain('defeated, not applied');
      expect(html).toContain('600,000 / 100,000 / 0');
      expect(result.charts).toContain('system-load');
      for (const name of result.charts) expect(existsSync(join(out, 'charts', `${name}.svg`))).toBe(true);
      const spec = readFileSync(join(out, 'charts', 'system-load.vl.json'), 'utf8');
      expect(spec).toContain('proposal-a · ');
      expect(spec).toContain('proposal-b · ');

      // same inputs, same bytes
      const again = await writeCompareReport({
        out,
        scenario: { name: 'tiny', file: 'scenarios/tiny.yaml', sha256: 'ff', seed: 1 },
        runs: [
          { label: 'proposal-a', dir: a.dir, governance: record('A', 'executed') },
          { label: 'proposal-b', dir: b.dir, governance: record('B', 'defeated') },
        ],
      });
      expect(readFileSync(again.html, 'utf8')).toBe(html);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 60_000);
});
