import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { syntheticFrame } from '../../forecast/testing/syntheticFrame.ts';
import { main } from '../main.ts';
import { captureOutput, writeTinyHourlyDataset } from '../testSupport.ts';

/** Writes a tiny dataset (one long CSV + manifest with its sha256) into a temp data root. */
function tinyDataRoot(): string {
  const frame = syntheticFrame({
    days: 400,
    seed: 'cli',
    noise: 10,
    forecastError: 2,
    startDate: '2010-01-01',
    load: (i, c, t) => 900 + 0.4 * (t[i] - 60) ** 2 + 100 * Math.sin((Math.PI * c.hour[i]) / 24),
  });
  const units = { load: 'MW', T1: 'degF', T2: 'degF', T1_forecast: 'degF', T2_forecast: 'degF' };
  const cols = Object.keys(units).map((c) => frame.columns.get(c)!);
  const rows: string[] = [];
  for (let i = 0; i < frame.length; i++) {
    const iso = new Date(frame.time[i]).toISOString();
    rows.push(`${iso.slice(0, 10)} ${iso.slice(11, 16)},${cols.map((c) => c[i].toFixed(3)).join(',')}`);
  }
  return writeTinyHourlyDataset({
    description: 'synthetic hourly load with two stations and their forecasts (test)',
    units,
    rows,
    roles: { load: 'load', temperature: ['T1', 'T2'], temperatureForecast: ['T1_forecast', 'T2_forecast'] },
  });
}

describe('peaklab backtest forecast', () => {
  afterEach(() => vi.restoreAllMocks());

  it('runs on a small generated dataset and writes the JSON and CSV tables', async () => {
    const data = tinyDataRoot();
    const out = join(data, 'out');
    const io = captureOutput();
    const code = await main(['node', 'peaklab', 'backtest', 'forecast', '--dataset', 'tiny', '--data', data, '--out', out, '--from', '2010-12-01', '--to', '2010-12-20', '--models', 'seasonal-naive,vanilla,recency', '--quiet']);
    expect(code).toBe(0);
    const report = JSON.parse(readFileSync(join(out, 'backtest-forecast.json'), 'utf8'));
    expect(report.schema).toBe('peaklab/backtest-forecast@1');
    expect(report.dataset).toBe('tiny');
    expect(report.period).toEqual({ from: '2010-12-01', to: '2010-12-20', days: 20, hours: 480 });
    expect(report.runs.map((r: { mode: string }) => r.mode)).toEqual(['ex-post', 'ex-ante']);
    expect(report.runs[0].models).toHaveLength(3);
    for (const file of ['backtest-forecast-metrics.csv', 'backtest-forecast-daily.csv', 'backtest-forecast-hourly.csv']) {
      expect(existsSync(join(out, file))).toBe(true);
    }
    expect(readFileSync(join(out, 'backtest-forecast-hourly.csv'), 'utf8').trim().split('\n')).toHaveLength(1 + 2 * 480);
    expect(io.stdout).toContain('tiny 2010-12-01 … 2010-12-20, ex-post');
    expect(io.stdout).toMatch(/1 {2}(vanilla|recency)/);
  });

  it('exits 1 with the fix when a date is malformed', async () => {
    const data = tinyDataRoot();
    const io = captureOutput();
    const code = await main(['node', 'peaklab', 'backtest', 'forecast', '--dataset', 'tiny', '--data', data, '--from', '2010-13-45', '--quiet']);
    expect(code).toBe(1);
    expect(io.stderr).toContain('--from must be a date YYYY-MM-DD');
    expect(io.stderr).toContain('Fix:');
  });
});
