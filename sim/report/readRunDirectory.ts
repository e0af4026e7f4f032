import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { z } from 'zod';
import { RunDirectoryError } from '../errors.ts';
import { numericColumn, readCsvColumns } from './readCsvColumns.ts';
import {
  type BacktestBaselineFile,
  type BacktestForecastFile,
  backtestBaselineSchema,
  backtestForecastSchema,
  CONSUMER_COLUMNS,
  type RunEvent,
  type RunManifest,
  type RunSummary,
  runEventSchema,
  runManifestSchema,
  runSummarySchema,
  TIMESERIES_COLUMNS,
} from './runDirectorySchema.ts';

/** timeseries.csv as typed columns (one entry per interval). */
export interface RunTimeseries {
  /** Interval start, UTC epoch milliseconds. */
  readonly time: Float64Array;
  readonly baselineKw: Float64Array;
  readonly withDrKw: Float64Array;
  /** NaN where the run had no forecast for the interval. */
  readonly forecastKw: Float64Array;
  readonly eventActive: Uint8Array;
}

/** consumers.csv columns the report uses. */
export interface RunConsumers {
  readonly consumerId: readonly string[];
  readonly archetype: readonly string[];
  readonly events: Float64Array;
  readonly participated: Float64Array;
  readonly optedOut: Float64Array;
  readonly curtailedKwh: Float64Array;
  /** Entitlement in the token's smallest units. */
  readonly entitlement: readonly bigint[];
  readonly token: readonly string[];
}

export interface RunDirectory {
  /** Absolute path. */
  readonly dir: string;
  readonly summary: RunSummary;
  readonly manifest: RunManifest;
  readonly timeseries: RunTimeseries;
  readonly events: readonly RunEvent[];
  readonly consumers: RunConsumers;
  readonly backtestBaseline: BacktestBaselineFile | null;
  readonly backtestForecast: BacktestForecastFile | null;
}

export interface ReadRunDirectoryParameters {
  dir: string;
}

const HINT = 'Regenerate the run directory with `peaklab run`; its format is in docs/run-directory.md.';

function parseJson<S extends z.ZodType>(path: string, text: string, schema: S, line?: number): z.infer<S> {
  const where = line === undefined ? path : `${path}:${line}`;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new RunDirectoryError(`${where} is not valid JSON`, { details: String(cause), hint: HINT, cause });
  }
  const result = schema.safeParse(value);
  if (!result.success) {
    const issues = result.error.issues.map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`);
    throw new RunDirectoryError(`${where} breaks the run-directory contract`, { details: issues.join('; '), hint: HINT });
  }
  return result.data;
}

function readText(path: string): string {
  if (!existsSync(path)) {
    throw new RunDirectoryError(`The run directory has no ${basename(path)}`, { details: path, hint: HINT });
  }
  return readFileSync(path, 'utf8');
}

function readTimeseries(path: string): RunTimeseries {
  const { columns } = readCsvColumns({ path, required: TIMESERIES_COLUMNS });
  const times = columns.get('time') as (string | null)[];
  const time = new Float64Array(times.length);
  times.forEach((t, i) => {
    const ms = t === null ? Number.NaN : Date.parse(t);
    if (!Number.isFinite(ms) || t === null || !/(Z|[+-]\d{2}:\d{2})$/.test(t)) {
      throw new RunDirectoryError(`${path}: time is not an ISO-8601 UTC instant`, { details: `line ${i + 2}: "${t ?? ''}"`, hint: HINT });
    }
    if (i > 0 && ms <= time[i - 1]) {
      throw new RunDirectoryError(`${path}: times are not increasing`, { details: `line ${i + 2}: ${t}`, hint: HINT });
    }
    time[i] = ms;
  });
  const num = (name: string, allowEmpty = false) => numericColumn({ path, name, values: columns.get(name) as (string | null)[], allowEmpty });
  const active = num('eventActive');
  return {
    time,
    baselineKw: num('systemBaselineKw'),
    withDrKw: num('systemWithDrKw'),
    forecastKw: num('forecastKw', true),
    eventActive: Uint8Array.from(active, (v) => (v !== 0 ? 1 : 0)),
  };
}

function readConsumers(path: string): RunConsumers {
  const { columns } = readCsvColumns({ path, required: CONSUMER_COLUMNS });
  const text = (name: string) => (columns.get(name) as (string | null)[]).map((v) => v ?? '');
  const num = (name: string) => numericColumn({ path, name, values: columns.get(name) as (string | null)[] });
  const entitlement = text('entitlement').map((v, i) => {
    if (!/^\d+$/.test(v)) {
      throw new RunDirectoryError(`${path}: entitlement is not an integer amount in smallest units`, { details: `line ${i + 2}: "${v}"`, hint: HINT });
    }
    return BigInt(v);
  });
  return {
    consumerId: text('consumerId'),
    archetype: text('archetype'),
    events: num('events'),
    participated: num('participated'),
    optedOut: num('optedOut'),
    curtailedKwh: num('curtailedKwh'),
    entitlement,
    token: text('token'),
  };
}

/**
 * Reads and checks a run directory (docs/run-directory.md): summary.json, manifest.json,
 * timeseries.csv, events.jsonl, consumers.csv, and backtest-baseline.json / backtest-forecast.json
 * when present. Every contract breach is a RunDirectoryError naming the file (and line).
 */
export function readRunDirectory({ dir }: ReadRunDirectoryParameters): RunDirectory {
  const root = resolve(dir);
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new RunDirectoryError(`Run directory not found: ${root}`, { hint: 'Pass the folder `peaklab run` wrote (it holds summary.json).' });
  }
  const file = (name: string) => join(root, name);
  const summary = parseJson(file('summary.json'), readText(file('summary.json')), runSummarySchema);
  const manifest = parseJson(file('manifest.json'), readText(file('manifest.json')), runManifestSchema);
  const events = readText(file('events.jsonl'))
    .split('\n')
    .map((line, n) => ({ line, n }))
    .filter(({ line }) => line.trim() !== '')
    .map(({ line, n }) => parseJson(file('events.jsonl'), line, runEventSchema, n + 1));
  readText(file('timeseries.csv'));
  readText(file('consumers.csv'));
  const timeseries = readTimeseries(file('timeseries.csv'));
  if (timeseries.time.length === 0) {
    throw new RunDirectoryError(`${file('timeseries.csv')} has no rows`, { hint: HINT });
  }
  const consumers = readConsumers(file('consumers.csv'));
  const optional = <S extends z.ZodType>(name: string, schema: S): z.infer<S> | null =>
    existsSync(file(name)) ? parseJson(file(name), readFileSync(file(name), 'utf8'), schema) : null;
  return {
    dir: root,
    summary,
    manifest,
    timeseries,
    events,
    consumers,
    backtestBaseline: optional('backtest-baseline.json', backtestBaselineSchema),
    backtestForecast: optional('backtest-forecast.json', backtestForecastSchema),
  };
}
