import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../main.ts';
import { captureOutput } from '../testSupport.ts';

describe('peaklab compare (usage)', () => {
  afterEach(() => vi.restoreAllMocks());

  it('validates every proposal file before the first run: exit 1 with file, line and the problem', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'peaklab-compare-cli-'));
    try {
      const bad = join(dir, 'proposal-bad.yaml');
      writeFileSync(bad, 'title: Bad\nchanges:\n  - parameter: IncentiveDistributor.bonusCap\n    value: 5000\n');
      const out = captureOutput();
      const code = await main(['node', 'peaklab', 'compare', 'scenarios/quickstart.yaml', 'scenarios/proposal-higher-rate.yaml', bad, '--out', join(dir, 'out'), '--quiet']);
      vi.restoreAllMocks();
      expect(code).toBe(1);
      expect(out.stderr).toContain(`${bad}:3:5 changes[0].parameter: expected a known parameter`);
      expect(out.stderr).toContain('did you mean "IncentiveDistributor.bonusCapBps"?');
      expect(out.stdout).toBe('');

      const twice = captureOutput();
      const again = await main(['node', 'peaklab', 'compare', 'scenarios/quickstart.yaml', 'scenarios/proposal-higher-rate.yaml', 'scenarios/proposal-higher-rate.yaml', '--out', join(dir, 'out')]);
      vi.restoreAllMocks();
      expect(again).toBe(1);
      expect(twice.stderr).toContain('Two proposal files are called proposal-higher-rate');

      const seeds = captureOutput();
      const none = await main(['node', 'peaklab', 'compare', 'scenarios/quickstart.yaml', 'scenarios/proposal-higher-rate.yaml', '--seeds', '0', '--out', join(dir, 'out')]);
      vi.restoreAllMocks();
      expect(none).toBe(1);
      expect(seeds.stderr).toContain('Invalid --seeds "0"');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
