/** `peaklab data list|check` end to end on generated datasets and the committed subsets. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { subsetsDir, writeTestDataset } from '../../data/index.ts';
import { main } from '../main.ts';
import { type CapturedOutput, captureOutput } from '../testSupport.ts';

let io: CapturedOutput;
beforeEach(() => {
  io = captureOutput();
});
afterEach(() => vi.restoreAllMocks());

function tiny(gap: 'fail' | 'drop') {
  return writeTestDataset({
    files: { 'd.csv': 'time,load\n2020-01-01 00:00,1\n2020-01-01 02:00,3\n' },
    manifest: {
      name: 'tiny',
      description: 'test',
      source: 'generated',
      citation: 'none',
      licence: 'CC0',
      timezone: 'UTC',
      time: { clock: 'utc', label: 'beginning' },
      tables: [{ id: 't', file: 'd.csv', sha256: 'auto', time: { datetime: { column: 'time', format: '%Y-%m-%d %H:%M' } } }],
      columns: [{ name: 'load', unit: 'kW', from: { table: 't', field: 'load' } }],
      roles: { load: 'load' },
      policy: { gap },
    },
  }).dir;
}

describe('peaklab data', () => {
  it('check prints shape, verified files and findings, and writes the findings CSV', async () => {
    const dir = tiny('drop');
    const csv = join(dir, 'out', 'findings.csv');
    expect(await main(['node', 'peaklab', 'data', 'check', 'tiny', '--data', dir, '--findings', csv])).toBe(0);
    expect(io.stdout).toContain('tiny: 3 intervals of 60 min, 2020-01-01T00:00:00Z … 2020-01-01T02:00:00Z (UTC)');
    expect(io.stdout).toMatch(/d\.csv {2}sha256 [0-9a-f]{64} ok/);
    expect(io.stdout).toMatch(/gap\s+drop\s+1 finding\(s\)\s+1 interval\(s\)\s+load/);
    const text = readFileSync(csv, 'utf8');
    expect(text.split('\n')[0]).toBe('kind,column,timestamp,file,line,count,action,message');
    expect(text).toContain('gap,load,2020-01-01T01:00:00.000Z,d.csv,,1,drop,');
  });

  it('check exits 1 with the policy failure and its fix', async () => {
    const dir = tiny('fail');
    expect(await main(['node', 'peaklab', 'data', 'check', 'tiny', '--data', dir])).toBe(1);
    expect(io.stderr).toContain('breaks its data-quality policy');
    expect(io.stderr).toContain('Fix:');
    expect(io.stdout).toMatch(/gap\s+fail/);
  });

  it('list shows the data root and the views there', async () => {
    expect(await main(['node', 'peaklab', 'data', 'list', '--data', subsetsDir])).toBe(0);
    expect(io.stdout).toContain(`data root: ${subsetsDir} (from flag)`);
    expect(io.stdout).toContain('  gefcom2012\n');
  });

  it('a missing --data folder is an error naming it', async () => {
    expect(await main(['node', 'peaklab', 'data', 'list', '--data', '/nonexistent/peaklab'])).toBe(1);
    expect(io.stderr).toContain('/nonexistent/peaklab');
  });
});
