/**
 * `peaklab backtest baseline [--dataset NAME] [--data DIR] [--out DIR] …`: scores every customer-baseline
 * method on placebo days of real building/home data (sim/baseline `backtestBaselines`), prints a ranked
 * table and writes backtest-baseline.json + CSVs atomically. Bare: the Cambridge estate buildings, then the
 * CityLearn Fontana homes as the residential case.
 */
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import {
  BASELINE_METHODS,
  type BacktestBaselinesResult,
  HOLIDAY_REGIONS,
  type HolidayRegion,
  backtestBaselines,
  backtestReportFiles,
  findBaselineMethod,
  formatBacktestTable,
  holidays,
  maskZeroRuns,
} from '../../baseline/index.ts';
import { type Frame, loadDataset } from '../../data/index.ts';
import { UsageError } from '../../errors.ts';
import { writeAtomic } from '../../writeAtomic.ts';
import { integerOption } from '../integerOption.ts';
import { progressReporter } from '../progressReporter.ts';

export interface BacktestBaselineOptions {
  dataset?: string;
  data?: string;
  out: string;
  startHour: string;
  hours: string;
  daysPerYear: string;
  rank: string;
  holidays?: string;
  consumers?: string;
  exclude?: string;
  methods?: string;
  gamingFactor: string;
  gamingHours?: string;
  zeroRunHours: string;
}

/** What the bare command runs, and per-dataset defaults with the reason for each. */
const BARE_DATASETS = ['cambridge_estates_buildings', 'citylearn_2022_fontana'] as const;
const DATASET_DEFAULTS: Record<string, { exclude?: readonly string[] }> = {
  citylearn_2022_fontana: {
    // Building_12 and Building_15 "loads" are PV generation, not household demand (dataset README, Caveats).
    exclude: ['Building_12', 'Building_15'],
  },
};

function holidayRegion(option: string | undefined, frame: Frame): HolidayRegion | null {
  if (option === 'none') return null;
  if (option !== undefined) {
    if ((HOLIDAY_REGIONS as readonly string[]).includes(option)) return option as HolidayRegion;
    throw new UsageError(`Unknown holiday calendar ${JSON.stringify(option)}`, { hint: `Use one of ${HOLIDAY_REGIONS.join(', ')} or none.` });
  }
  if (frame.timezone === 'Europe/London') return 'GB-EAW';
  if (frame.timezone.startsWith('America/')) return 'US-NERC';
  return null;
}

function consumersOf(frame: Frame, pattern: string | undefined, exclude: readonly string[]): string[] {
  let list: string[];
  if (pattern !== undefined) {
    let re: RegExp;
    try {
      re = new RegExp(pattern);
    } catch (cause) {
      throw new UsageError(`Invalid --consumers pattern ${JSON.stringify(pattern)}`, { hint: 'Give a JavaScript regular expression, e.g. "^Building_".', cause });
    }
    list = [...frame.columns.keys()].filter((c) => re.test(c)).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  } else list = [...(frame.roles.consumers ?? [])];
  const unknown = exclude.filter((c) => !frame.columns.has(c));
  if (unknown.length > 0) {
    throw new UsageError(`--exclude names columns that ${frame.name} does not have: ${unknown.join(', ')}`, { hint: 'Use consumer column names from the dataset.' });
  }
  const kept = list.filter((c) => !exclude.includes(c));
  if (kept.length === 0) {
    throw new UsageError(`No consumer columns to score in ${frame.name}`, {
      details: pattern ? `--consumers ${pattern} matched none` : 'the manifest declares no roles.consumers',
      hint: 'Pass --consumers <regex> naming the per-building/home load columns.',
    });
  }
  return kept;
}

/** The frame with long zero runs of the consumer columns masked as missing (see maskZeroRuns). */
function withZeroRunsMasked(frame: Frame, consumers: readonly string[], minRun: number): { frame: Frame; masked: number } {
  if (minRun === 0) return { frame, masked: 0 };
  const columns = new Map(frame.columns);
  let masked = 0;
  for (const c of consumers) {
    const r = maskZeroRuns({ values: frame.columns.get(c)!, minRun });
    columns.set(c, r.values);
    masked += r.masked;
  }
  return { frame: { ...frame, columns }, masked };
}

export async function runBacktestBaseline(options: BacktestBaselineOptions): Promise<BacktestBaselinesResult[]> {
  const startHour = integerOption({ value: options.startHour, flag: '--start-hour', min: 0, max: 23 });
  const durationHours = integerOption({ value: options.hours, flag: '--hours', min: 1, max: 12 });
  const perYear = integerOption({ value: options.daysPerYear, flag: '--days-per-year', min: 1, max: 100 });
  const gamingHours = options.gamingHours === undefined ? undefined : integerOption({ value: options.gamingHours, flag: '--gaming-hours', min: 1, max: 12 });
  const zeroRun = integerOption({ value: options.zeroRunHours, flag: '--zero-run-hours', min: 0, max: 8760 });
  const gamingFactor = Number(options.gamingFactor);
  if (!Number.isFinite(gamingFactor) || gamingFactor <= 0) throw new UsageError(`Invalid --gaming-factor ${JSON.stringify(options.gamingFactor)}`, { hint: 'Give a positive number, e.g. 1.3 for +30 %.' });
  if (options.rank !== 'load' && options.rank !== 'temperature') throw new UsageError(`Invalid --rank ${JSON.stringify(options.rank)}`, { hint: 'Use load or temperature.' });
  const methods = options.methods ? options.methods.split(',').map((ref) => findBaselineMethod({ ref: /^\d+$/.test(ref) ? Number(ref) : ref.trim() })) : BASELINE_METHODS;
  const names = options.dataset ? [options.dataset] : [...BARE_DATASETS];
  const out = resolve(options.out);
  const tty = process.stderr.isTTY === true;
  const results: BacktestBaselinesResult[] = [];
  for (const name of names) {
    process.stderr.write(`loading ${name}…\n`);
    const loaded = await loadDataset({ name, data: options.data, env: process.env });
    const defaults = DATASET_DEFAULTS[name] ?? {};
    const exclude = options.exclude !== undefined ? options.exclude.split(',').map((s) => s.trim()).filter(Boolean) : [...(defaults.exclude ?? [])];
    const consumers = consumersOf(loaded.frame, options.consumers, exclude);
    const { frame, masked } = withZeroRunsMasked(loaded.frame, consumers, zeroRun);
    const region = holidayRegion(options.holidays, frame);
    const years = [...new Set(frame.calendar.year)].sort((a, b) => a - b);
    const holidayList = region ? holidays({ region, years }) : [];
    process.stderr.write(
      `${name}: ${consumers.length} consumers${exclude.length ? ` (excluded ${exclude.join(', ')})` : ''}, ${frame.length} h, ` +
        `holidays ${region ?? 'none'}, ${masked} h in zero runs ≥ ${zeroRun} h masked as missing\n`,
    );
    let lastDay = '';
    const progress = progressReporter({
      bar: tty,
      format: `${name} [{bar}] {percentage}% {value}/{total} {label}`,
      // Plain lines: one per placebo day.
      line: ({ done, total, payload: { label } }) => {
        const day = label.slice(0, 10);
        if (day === lastDay) return undefined;
        lastDay = day;
        return `${name}: ${done}/${total} ${label}`;
      },
    });
    const result = backtestBaselines({
      frame, methods, consumers, startHour, durationHours, placeboDaysPerYear: perYear, placeboRank: options.rank,
      holidays: holidayList, gamingFactor, gamingHours,
      onProgress: ({ done, total, label }) => progress.step({ done, total, payload: { label } }),
    });
    progress.stop();
    results.push(result);
    process.stdout.write(`${formatBacktestTable({ result })}\n\n`);
  }
  const written = backtestReportFiles({ results }).map((f) => {
    const path = join(out, f.name);
    writeAtomic({ path, content: f.content });
    return path;
  });
  process.stdout.write(`wrote ${written.join(', ')}\n`);
  return results;
}

/** The `baseline` subcommand of the `backtest` group. */
export function backtestBaselineCommand(): Command {
  return new Command('baseline')
    .description('Score every customer-baseline (CBL) method on placebo days: accuracy per consumer and in aggregate, and gaming exposure')
    .option('--dataset <name>', `dataset view (default: ${BARE_DATASETS.join(' then ')})`)
    .option('--data <dir>', 'data root (default: PEAKLAB_DATA, ../shared/datasets, datasets/subsets)')
    .option('--out <dir>', 'output folder', 'reports/backtest-baseline')
    .option('--start-hour <h>', 'local hour the placebo event starts', '14')
    .option('--hours <n>', 'event duration in hours', '4')
    .option('--days-per-year <n>', 'placebo days per calendar year', '10')
    .option('--rank <how>', 'placebo days = highest system "load" or "temperature" weekdays', 'load')
    .option('--holidays <region>', `holiday calendar: ${HOLIDAY_REGIONS.join(', ')} or none (default from the time zone)`)
    .option('--consumers <regex>', 'consumer columns (default: the manifest roles.consumers)')
    .option('--exclude <names>', 'comma-separated consumer columns to leave out')
    .option('--methods <refs>', 'comma-separated method names or ids (default: all presets)')
    .option('--gaming-factor <x>', 'load multiplier of the gaming consumer before the event', '1.3')
    .option('--gaming-hours <n>', "hours before the event the gaming consumer inflates for every method (default: each method's adjustment window)")
    .option('--zero-run-hours <n>', 'treat runs of exact zeros this long as missing (0 = off)', '6')
    .action(async (options: BacktestBaselineOptions) => {
      await runBacktestBaseline(options);
    });
}
