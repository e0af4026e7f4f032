import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../report/index.ts';
import { inspectReportInBrowser } from '../report/inspectReportInBrowser.ts';
import { loadScenario } from '../scenario/index.ts';
import { compareProposals } from './compareProposals.ts';
import { HEADLINE_KPIS } from './headlineKpis.ts';

describe('compareProposals on a tiny scenario over two seeds', () => {
  it('runs the status quo and each proposal (through the real Governor) on the same seeds on a pool, and writes paired Δs, intervals and a ranked verdict that renders in Chromium', async () => {
    const out = mkdtempSync(join(tmpdir(), 'peaklab-compare-e2e-'));
    try {
      // a copy of the higher-rate example that the holders vote down
      const rejected = join(out, 'proposal-rejected.yaml');
      writeFileSync(
        rejected,
        readFileSync('scenarios/proposal-higher-rate.yaml', 'utf8').replace(/electorate:[\s\S]*$/, 'electorate: { turnout: 0.9, support: 0, abstain: 0 }\n'),
      );
      const { scenario, sha256, path } = loadScenario({ path: 'sim/check/fixtures/tiny-check.yaml' });
      const finished: string[] = [];
      const result = await compareProposals({
        scenario,
        scenarioPath: path,
        scenarioSha256: sha256,
        proposalPaths: ['scenarios/proposal-higher-rate.yaml', rejected],
        out,
        seeds: 2,
        workers: 2,
        tag: 'test',
        onProgress: (p) => {
          if (p.type === 'finished') finished.push(p.id);
        },
      });
      expect(finished.sort()).toEqual(['proposal-higher-rate@7', 'proposal-higher-rate@8', 'proposal-rejected@7', 'proposal-rejected@8', 'status-quo@7', 'status-quo@8']);
      const json = JSON.parse(readFileSync(join(out, 'compare.json'), 'utf8'));
      expect(json.schema).toBe('peaklab/compare@2');
      expect(json.seeds).toEqual([7, 8]);
      expect(json.reference).toBe('status-quo');
      expect(json.runs.map((r: { label: string }) => r.label)).toEqual(['status-quo', 'proposal-higher-rate', 'proposal-rejected']);
      expect(json.runs[0].governance).toBeNull();
      expect(json.runs[1].seeds.map((s: { dir: string }) => s.dir)).toEqual(['proposal-higher-rate/seed-7', 'proposal-higher-rate/seed-8']);
      const [passed, defeated] = json.runs.slice(1).map((r: { governance: { status: string } }) => r.governance);
      expect(passed.status).toBe('executed');
      expect(passed.readBack).toEqual([
        { parameter: 'ReductionRequests.tiers.tier2.incentiveMultiplierBps', expected: '17500', actual: '17500' },
        { parameter: 'IncentiveDistributor.bonusCapBps', expected: '5000', actual: '5000' },
      ]);
      expect(defeated.status).toBe('defeated');
      // every run directory is complete; the governance transactions are in the proposals' ledgers only
      for (const label of ['status-quo', 'proposal-higher-rate', 'proposal-rejected']) {
        for (const seed of [7, 8]) {
          const gas = readFileSync(join(out, label, `seed-${seed}`, 'gas.csv'), 'utf8');
          expect(gas.includes('PeaklabGovernor,propose'), `${label}@${seed}`).toBe(label !== 'status-quo');
        }
      }
      expect(readFileSync(join(out, 'proposal-rejected', 'seed-8', 'gas.csv'), 'utf8')).not.toContain('PeaklabGovernor,execute');
      // the two seeds are different seasons
      const sq = (seed: number) => JSON.parse(readFileSync(join(out, 'status-quo', `seed-${seed}`, 'summary.json'), 'utf8'));
      expect(sq(7).resultsSha256).not.toBe(sq(8).resultsSha256);

      // per-seed paired Δs (proposal − status quo on the same seed), intervals, verdicts, ranking
      const higher = json.paired.find((p: { label: string }) => p.label === 'proposal-higher-rate');
      expect(higher.kpis.map((k: { path: string }) => k.path)).toEqual(HEADLINE_KPIS.map((k) => k.path));
      const payouts = higher.kpis.find((k: { path: string }) => k.path === 'payouts.totalUsd');
      const usd = (label: string, seed: number) => JSON.parse(readFileSync(join(out, label, `seed-${seed}`, 'summary.json'), 'utf8')).payouts.totalUsd;
      expect(payouts.deltas[0]).toBeCloseTo(usd('proposal-higher-rate', 7) - usd('status-quo', 7), 6);
      expect(payouts.deltas[1]).toBeCloseTo(usd('proposal-higher-rate', 8) - usd('status-quo', 8), 6);
      expect(payouts.n).toBe(2);
      expect(payouts.low).toBeLessThanOrEqual(payouts.mean);
      expect(payouts.high).toBeGreaterThanOrEqual(payouts.mean);
      expect(['better', 'worse', 'not distinguishable']).toContain(payouts.verdict);
      expect(json.statistics.correction).toContain('Holm');
      expect(json.verdict.map((v: { rank: number }) => v.rank)).toEqual([1, 2, 3]);
      expect(json.verdict.map((v: { label: string }) => v.label).sort()).toEqual(['proposal-higher-rate', 'proposal-rejected', 'status-quo']);
      for (const v of json.verdict) expect(v.reason).toMatch(/\.$/);
      expect(result.ranking).toEqual(json.verdict);

      const html = readFileSync(join(out, 'compare.html'), 'utf8');
      expect(html).toContain('<th scope="col">Δ vs status-quo</th>');
      expect(html).toContain('passed, executed');
      expect(html).toContain('defeated, not applied');
      expect(html).toContain('<ol class="verdict">');
      expect(html).toContain(escapeHtml(passed.proposal.description));
      expect(existsSync(join(out, 'charts', 'system-load.svg'))).toBe(true);

      const seen = await inspectReportInBrowser({ html: join(out, 'compare.html') });
      expect(seen.failed).toEqual([]);
      expect(seen.rendered).toBe(result.charts.length);
      expect(seen.problems).toEqual([]);
      expect(seen.externalRequests).toEqual([]);
      expect(seen.peakReductionText).toMatch(/kW$/);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 300_000);
});
