/**
 * TEST SUPPORT ONLY — never used by `peaklab report` itself. Writes a small, internally consistent
 * synthetic run directory in the documented format (docs/run-directory.md): hourly system load for
 * a few days, DR events on the hottest days with fatigue, consumers paid in two tokens, gas rows,
 * and (optionally) backtest-baseline.json / backtest-forecast.json. Every summary.json figure is
 * computed from the generated tables, so reports built on it can be checked against them.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { entitlementByToken } from './testRun/entitlementByToken.ts';
import { simulateTestRun } from './testRun/simulateTestRun.ts';
import { testBacktestFiles } from './testRun/testBacktestFiles.ts';
import { HOUR, START_UTC } from './testRun/testRunConstants.ts';
import { testRunManifest } from './testRun/testRunManifest.ts';
import { testRunSummary } from './testRun/testRunSummary.ts';
import { testRunTables } from './testRun/testRunTables.ts';

export interface WriteTestRunDirectoryParameters {
  /** Folder to write (created); default: a fresh temp folder. */
  dir?: string;
  seed?: number;
  days?: number;
  consumers?: number;
  /** DR events, on the hottest days (default 3, at most `days`). */
  events?: number;
  /** Write forecastKw (default true); false leaves the column empty. */
  forecast?: boolean;
  /** Write backtest-baseline.json and backtest-forecast.json (default true). */
  backtests?: boolean;
}

export interface WriteTestRunDirectoryResult {
  dir: string;
  /** The numbers the summary was computed from, for assertions. */
  expected: {
    peakBaselineKw: number;
    peakWithDrKw: number;
    /** Local date (America/New_York) of the highest load without DR. */
    peakDate: string;
    events: number;
    participants: number;
    entitlementByToken: Record<string, bigint>;
  };
}

const jsonFile = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

export function writeTestRunDirectory({
  dir,
  seed = 7,
  days = 5,
  consumers = 24,
  events = 3,
  forecast = true,
  backtests = true,
}: WriteTestRunDirectoryParameters = {}): WriteTestRunDirectoryResult {
  const out = dir ?? mkdtempSync(join(tmpdir(), 'peaklab-run-'));
  mkdirSync(out, { recursive: true });
  const run = simulateTestRun({ seed, days, consumers, events, forecast });
  const tables = testRunTables(run);
  const summary = testRunSummary(run, tables);
  const write = (name: string, text: string) => writeFileSync(join(out, name), text);
  write('summary.json', jsonFile(summary));
  write('manifest.json', jsonFile(testRunManifest(summary.scenario.sha256)));
  write('timeseries.csv', tables.timeseriesCsv);
  write('events.jsonl', tables.eventsJsonl);
  write('consumers.csv', tables.consumersCsv);
  write('gas.csv', tables.gasCsv);
  if (backtests) for (const [name, content] of Object.entries(testBacktestFiles())) write(name, jsonFile(content));
  const peakBaselineKw = Math.max(...run.baselineKw);
  const peakWithDrKw = Math.max(...run.withDrKw);
  // The local (EDT, UTC−4) date of the peak hour.
  const peakDate = new Date(START_UTC + run.baselineKw.indexOf(peakBaselineKw) * HOUR - 4 * HOUR).toISOString().slice(0, 10);
  return {
    dir: out,
    expected: {
      peakBaselineKw,
      peakWithDrKw,
      peakDate,
      events: run.eventDays.length,
      participants: summary.participants.total,
      entitlementByToken: entitlementByToken(run.consumers),
    },
  };
}
