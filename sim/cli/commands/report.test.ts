import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeTestRunDirectory } from '../../report/index.ts';
import { main } from '../main.ts';
import { captureOutput } from '../testSupport.ts';

describe('peaklab report', () => {
  afterEach(() => vi.restoreAllMocks());

  it('writes report.html and the chart files into the run directory', async () => {
    const { dir } = writeTestRunDirectory({ days: 3, consumers: 8, events: 2 });
    const out = captureOutput();
    const code = await main(['node', 'peaklab', 'report', dir]);
    vi.restoreAllMocks();
    expect(code, out.stderr).toBe(0);
    expect(out.stdout).toMatch(/^peaklab: wrote .*report\.html and 12 charts in .*charts\/ \(svg, png, vl\.json\)\n$/);
    expect(existsSync(join(dir, 'report.html'))).toBe(true);
    expect(existsSync(join(dir, 'charts', 'participation.png'))).toBe(true);
  });

  it('--screenshot checks every chart in chromium and saves a full-page PNG', async () => {
    const { dir } = writeTestRunDirectory({ days: 3, consumers: 8, events: 2 });
    const png = join(dir, 'shot.png');
    const out = captureOutput();
    const code = await main(['node', 'peaklab', 'report', dir, '--screenshot', png]);
    vi.restoreAllMocks();
    expect(code, out.stderr).toBe(0);
    expect(out.stdout).toContain('every chart rendered in chromium; screenshot');
    expect(readFileSync(png).subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  it('fails with the contract error and its hint when a file is missing', async () => {
    const { dir } = writeTestRunDirectory({ days: 2, consumers: 4, events: 1 });
    rmSync(join(dir, 'summary.json'));
    const out = captureOutput();
    const code = await main(['node', 'peaklab', 'report', dir]);
    vi.restoreAllMocks();
    expect(code).toBe(1);
    expect(out.stderr).toContain('peaklab: The run directory has no summary.json');
    expect(out.stderr).toContain('Fix: Regenerate the run directory with `peaklab run`');
    expect(existsSync(join(dir, 'report.html'))).toBe(false);
  });
});
