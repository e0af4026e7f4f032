import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RunDirectoryError } from '../errors.ts';
import { readRunDirectory } from './readRunDirectory.ts';
import { writeTestRunDirectory } from './writeTestRunDirectory.ts';

const edit = (dir: string, name: string, change: (text: string) => string) => writeFileSync(join(dir, name), change(readFileSync(join(dir, name), 'utf8')));
const failure = (dir: string): RunDirectoryError => {
  try {
    readRunDirectory({ dir });
  } catch (error) {
    if (error instanceof RunDirectoryError) return error;
    throw error;
  }
  throw new Error('expected a RunDirectoryError');
};

describe('readRunDirectory', () => {
  it('reads every file of the contract into typed columns', () => {
    const { dir, expected } = writeTestRunDirectory({ days: 4, consumers: 10, events: 2 });
    const run = readRunDirectory({ dir });
    expect(run.timeseries.time.length).toBe(96);
    expect(run.timeseries.time[0]).toBe(Date.parse('2007-07-01T04:00:00Z'));
    expect(Math.max(...run.timeseries.baselineKw)).toBeCloseTo(expected.peakBaselineKw, 3);
    expect(run.timeseries.eventActive.reduce((s, v) => s + v, 0)).toBe(2 * 4);
    expect(run.events.map((e) => e.eventId)).toEqual(['E1', 'E2']);
    expect(run.events.reduce((s, e) => s + e.participants, 0)).toBe(expected.participants);
    expect(run.consumers.consumerId.length).toBe(10);
    const grid = run.consumers.entitlement.filter((_, i) => run.consumers.token[i] === 'GRID').reduce((s, v) => s + v, 0n);
    expect(grid).toBe(expected.entitlementByToken.GRID);
    expect(run.summary.payouts.totalByToken.GRID).toBe(expected.entitlementByToken.GRID.toString());
    expect(run.manifest.datasets.map((d) => d.name)).toEqual(['gefcom2012', 'synthetic_weather']);
    expect(run.backtestBaseline?.datasets.length).toBe(2);
    expect(run.backtestForecast?.runs.map((r) => r.mode)).toEqual(['ex-post', 'ex-ante']);
  });

  it('treats backtest files as optional and an empty forecast column as NaN', () => {
    const { dir } = writeTestRunDirectory({ backtests: false, forecast: false });
    const run = readRunDirectory({ dir });
    expect(run.backtestBaseline).toBeNull();
    expect(run.backtestForecast).toBeNull();
    expect(run.timeseries.forecastKw.every(Number.isNaN)).toBe(true);
  });

  it('names a missing file', () => {
    const { dir } = writeTestRunDirectory({});
    rmSync(join(dir, 'events.jsonl'));
    const error = failure(dir);
    expect(error.shortMessage).toBe('The run directory has no events.jsonl');
    expect(error.hint).toContain('docs/run-directory.md');
  });

  it('names a missing column', () => {
    const { dir } = writeTestRunDirectory({});
    edit(dir, 'timeseries.csv', (t) => t.replace('systemWithDrKw', 'withDr'));
    expect(failure(dir).shortMessage).toMatch(/timeseries\.csv lacks column systemWithDrKw$/);
  });

  it('names the field that breaks summary.json', () => {
    const { dir } = writeTestRunDirectory({});
    edit(dir, 'summary.json', (t) => t.replace('"GRID": "', '"GRID": "1.5'));
    const error = failure(dir);
    expect(error.shortMessage).toContain('summary.json breaks the run-directory contract');
    expect(error.details).toContain('payouts.totalByToken.GRID: expected a decimal string of integer smallest units');
  });

  it('names the line of a bad event and of a bad entitlement', () => {
    const a = writeTestRunDirectory({});
    edit(a.dir, 'events.jsonl', (t) => t.replace('"durationHours":4', '"durationHours":"four"'));
    expect(failure(a.dir).shortMessage).toMatch(/events\.jsonl:1 breaks the run-directory contract$/);
    const b = writeTestRunDirectory({});
    const entitlementColumn = 9;
    edit(b.dir, 'consumers.csv', (t) =>
      t
        .split('\n')
        .map((line, i) => (i === 3 ? line.split(',').map((cell, c) => (c === entitlementColumn ? '1e18' : cell)).join(',') : line))
        .join('\n'),
    );
    const error = failure(b.dir);
    expect(error.shortMessage).toContain('entitlement is not an integer amount in smallest units');
    expect(error.details).toBe('line 4: "1e18"');
  });

  it('rejects local or unordered times', () => {
    const { dir } = writeTestRunDirectory({});
    edit(dir, 'timeseries.csv', (t) => t.replace('2007-07-01T05:00:00.000Z', '2007-07-01T03:00:00.000Z'));
    expect(failure(dir).shortMessage).toContain('times are not increasing');
    const other = writeTestRunDirectory({});
    edit(other.dir, 'timeseries.csv', (t) => t.replace('2007-07-01T05:00:00.000Z', '2007-07-01 05:00'));
    expect(failure(other.dir).shortMessage).toContain('not an ISO-8601 UTC instant');
  });

  it('says when the folder does not exist', () => {
    expect(failure('/nonexistent/peaklab-run').shortMessage).toBe('Run directory not found: /nonexistent/peaklab-run');
  });
});
