/** `peaklab backtest baseline` end to end on a tiny generated dataset (manifest + CSV in a temp data root). */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../main.ts';
import { captureOutput, writeTinyHourlyDataset } from '../testSupport.ts';

/** 200 days from 2021-01-04 (UTC): two buildings and a temperature column. */
function tinyDataRoot(): string {
  const rows: string[] = [];
  const t0 = Date.UTC(2021, 0, 4);
  for (let i = 0; i < 200 * 24; i++) {
    const d = new Date(t0 + i * 3_600_000);
    const h = d.getUTCHours();
    const wd = d.getUTCDay();
    const day = Math.floor(i / 24);
    const temp = 10 + 8 * Math.sin((2 * Math.PI * (day - 60)) / 365) + 4 * Math.sin((2 * Math.PI * (h - 9)) / 24);
    const work = wd >= 1 && wd <= 5 && h >= 8 && h < 18;
    const b1 = 30 + (work ? 40 : 0) + Math.max(0, temp - 12) * 2 + (i % 7);
    const b2 = 5 + (work ? 3 : 0) + ((i * 13) % 5) * 0.2;
    rows.push(`${d.toISOString().slice(0, 16).replace('T', ' ')},${b1.toFixed(2)},${b2.toFixed(2)},${temp.toFixed(2)}`);
  }
  return writeTinyHourlyDataset({
    description: 'two synthetic buildings with temperature (test)',
    units: { b1: 'kWh', b2: 'kWh', temp: 'degC' },
    rows,
    roles: { consumers: ['b1', 'b2'], temperature: ['temp'] },
  });
}

describe('peaklab backtest baseline', () => {
  afterEach(() => vi.restoreAllMocks());

  it('scores every method on a small dataset and writes the JSON and CSVs atomically', async () => {
    const data = tinyDataRoot();
    const out = join(data, 'out');
    const io = captureOutput();
    const code = await main(['node', 'peaklab', 'backtest', 'baseline', '--dataset', 'tiny', '--data', data, '--out', out, '--days-per-year', '3']);
    expect(io.stderr).not.toMatch(/peaklab: /);
    expect(code).toBe(0);
    // The exact listing (hidden files included) also proves no temp file was left behind.
    expect(readdirSync(out).sort()).toEqual(['backtest-baseline.json', 'consumers.csv', 'methods.csv', 'placebo-days.csv']);
    const json = JSON.parse(readFileSync(join(out, 'backtest-baseline.json'), 'utf8'));
    expect(json.schema).toBe('peaklab/backtest-baseline@1');
    expect(json.datasets[0]).toMatchObject({ dataset: 'tiny', consumers: 2, event: { startHour: 14, durationHours: 4 } });
    expect(json.datasets[0].placeboDays).toHaveLength(3);
    expect(json.datasets[0].methods.map((m: { rank: number }) => m.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(io.stdout).toContain('tiny: 3 placebo days × 2 consumers');
    expect(io.stderr).toContain('tiny: 0/30'); // plain progress lines when not on a TTY
    expect(readFileSync(join(out, 'methods.csv'), 'utf8').split('\n')).toHaveLength(12);
  });

  it('fails with a clear message on bad input', async () => {
    const data = tinyDataRoot();
    const io = captureOutput();
    expect(await main(['node', 'peaklab', 'backtest', 'baseline', '--dataset', 'tiny', '--data', data, '--hours', '0'])).toBe(1);
    expect(io.stderr).toMatch(/Invalid --hours "0"[\s\S]*Fix: Give a whole number from 1 to 12/);
    expect(await main(['node', 'peaklab', 'backtest', 'baseline', '--dataset', 'tiny', '--data', data, '--methods', 'caiso-11-in-10'])).toBe(1);
    expect(io.stderr).toMatch(/Unknown baseline method "caiso-11-in-10"/);
    expect(await main(['node', 'peaklab', 'backtest', 'baseline', '--dataset', 'tiny', '--data', data, '--exclude', 'b9'])).toBe(1);
    expect(io.stderr).toMatch(/--exclude names columns that tiny does not have: b9/);
  });
});
