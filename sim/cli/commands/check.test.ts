import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readGolden } from '../../check/index.ts';
import { main } from '../main.ts';
import { captureOutput } from '../testSupport.ts';

const SCENARIO = 'sim/check/fixtures/tiny-check.yaml';

const check = async (...args: string[]) => {
  const out = captureOutput();
  const code = await main(['node', 'peaklab', 'check', ...args, '--quiet']);
  vi.restoreAllMocks();
  return { code, ...out };
};

describe('peaklab check', () => {
  afterEach(() => vi.restoreAllMocks());

  it('creates a golden file with --update, exits 0 on a rerun within tolerance and 1 on a breach; --update keeps tolerances', async () => {
    const golden = mkdtempSync(join(tmpdir(), 'peaklab-check-'));
    try {
      const missing = await check(SCENARIO, '--golden', golden);
      expect(missing.code).toBe(1);
      expect(missing.stderr).toMatch(/No golden file for scenario tiny-check[\s\S]*--update/);

      const created = await check(SCENARIO, '--golden', golden, '--update');
      expect(created.code, created.stderr).toBe(0);
      expect(created.stdout).toMatch(/peaklab check: created .*tiny-check\.json from this run of tiny-check/);
      const path = join(golden, 'tiny-check.json');
      const first = readGolden({ path });
      expect(first?.metrics['payouts.totalByToken.pUSD']?.value).toBeGreaterThan(0);
      expect(first?.metrics.events?.value).toBeGreaterThan(0);

      // the same scenario and seed reproduce the run: every metric within tolerance
      const same = await check(SCENARIO, '--golden', golden);
      expect(same.code, same.stdout + same.stderr).toBe(0);
      expect(same.stdout).toMatch(/^metric\s+golden\s+now\s+delta\s+tolerance\s+status$/m);
      expect(same.stdout).toMatch(/^events\s+\d+ events\s+\d+ events\s+0 events\s+±0 events\s+ok$/m);
      expect(same.stdout).toContain(`tiny-check: all ${Object.keys(first?.metrics ?? {}).length} metrics within tolerance`);

      // a golden payout 10 % above the run, with a 2 % tolerance, is a breach; a tightened tolerance survives --update
      const text = readFileSync(path, 'utf8');
      const payout = first?.metrics['payouts.totalByToken.pUSD']?.value as number;
      writeFileSync(
        path,
        text
          .replace(`"payouts.totalByToken.pUSD": {"value":${payout},`, `"payouts.totalByToken.pUSD": {"value":${payout * 1.1},`)
          .replace(/"gas\.total": \{"value":(\d+),"unit":"gas","tolerance":\{"rel":0\.05\}\}/, '"gas.total": {"value":$1,"unit":"gas","tolerance":{"abs":1000,"rel":0.001}}'),
      );
      const breach = await check(SCENARIO, '--golden', golden);
      expect(breach.code).toBe(1);
      expect(breach.stdout).toMatch(/^payouts\.totalByToken\.pUSD\s+.*\s+±2%\s+BREACH$/m);
      expect(breach.stdout).toMatch(/^gas\.total\s+.*±1,000 gas or ±0\.1%\s+ok$/m);
      expect(breach.stdout).toContain('tiny-check: 1 of');
      expect(breach.stderr).toContain('peaklab check: FAILED for tiny-check');

      const updated = await check(SCENARIO, '--golden', golden, '--update');
      expect(updated.code).toBe(0);
      const after = readGolden({ path });
      expect(after?.metrics['payouts.totalByToken.pUSD']?.value).toBe(payout);
      expect(after?.metrics['gas.total']?.tolerance).toEqual({ abs: 1000, rel: 0.001 });
      expect(Object.keys(after?.metrics ?? {})).toEqual(Object.keys(first?.metrics ?? {}));
    } finally {
      rmSync(golden, { recursive: true, force: true });
    }
  }, 240_000);
});
