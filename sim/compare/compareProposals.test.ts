import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRunDirectory } from '../report/index.ts';
import { loadScenario } from '../scenario/index.ts';
import { compareProposals } from './compareProposals.ts';

describe('compareProposals on a tiny scenario', () => {
  it('runs the scenario once per proposal through the real Governor and writes compare.html and compare.json with both runs', async () => {
    const out = mkdtempSync(join(tmpdir(), 'peaklab-compare-e2e-'));
    try {
      // a copy of the higher-rate example that the holders vote down
      const rejected = join(out, 'proposal-rejected.yaml');
      writeFileSync(
        rejected,
        readFileSync('scenarios/proposal-higher-rate.yaml', 'utf8').replace(/electorate:[\s\S]*$/, 'electorate: { turnout: 0.9, support: 0, abstain: 0 }\n'),
      );
      const { scenario, sha256, path } = loadScenario({ path: 'sim/check/fixtures/tiny-check.yaml' });
      const result = await compareProposals({
        scenario,
        scenarioPath: path,
        scenarioSha256: sha256,
        proposalPaths: ['scenarios/proposal-higher-rate.yaml', rejected],
        out,
        tag: 'test',
      });
      const json = JSON.parse(readFileSync(join(out, 'compare.json'), 'utf8'));
      expect(json.runs.map((r: { label: string }) => r.label)).toEqual(['proposal-higher-rate', 'proposal-rejected']);
      const [passed, defeated] = json.runs.map((r: { governance: unknown }) => r.governance);
      expect(passed.status).toBe('executed');
      expect(passed.readBack).toEqual([
        { parameter: 'ReductionRequests.tiers.tier2.incentiveMultiplierBps', expected: '17500', actual: '17500' },
        { parameter: 'IncentiveDistributor.bonusCapBps', expected: '5000', actual: '5000' },
      ]);
      expect(BigInt(passed.timeline.executed)).toBeLessThan(BigInt(Date.parse('2007-07-08T04:00:00Z') / 1000));
      expect(defeated.status).toBe('defeated');
      expect(defeated.scenarioEdits).toEqual([]);
      expect(defeated.votes.for).toBe('0');

      // both run directories are complete; governance is in each ledger; the passed proposal pays more per kWh
      const runs = json.runs.map((r: { dir: string }) => readRunDirectory({ dir: join(out, r.dir) }));
      for (const [i, run] of runs.entries()) {
        const gas = readFileSync(join(out, json.runs[i].dir, 'gas.csv'), 'utf8');
        expect(gas).toContain('PeaklabGovernor,propose');
        expect(gas).toContain('PeaklabGovernor,castVote');
        expect(existsSync(join(out, json.runs[i].dir, 'governance.json'))).toBe(true);
        expect(run.summary.events).toBeGreaterThan(0);
      }
      expect(readFileSync(join(out, 'proposal-higher-rate', 'gas.csv'), 'utf8')).toContain('PeaklabGovernor,execute');
      expect(readFileSync(join(out, 'proposal-rejected', 'gas.csv'), 'utf8')).not.toContain('PeaklabGovernor,execute');
      const perKwh = (run: (typeof runs)[number]) => Number(run.summary.payouts.totalByToken.pUSD) / run.summary.energy.curtailedKwh;
      expect(perKwh(runs[0])).toBeGreaterThan(perKwh(runs[1]) * 1.1);

      const html = readFileSync(join(out, 'compare.html'), 'utf8');
      expect(html).toContain('Δ vs proposal-higher-rate');
      expect(html).toContain('passed, executed');
      expect(html).toContain('defeated, not applied');
      expect(existsSync(join(out, 'charts', 'system-load.svg'))).toBe(true);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 300_000);
});
