import { join, resolve } from 'node:path';
import { Command, Option } from 'commander';
import { loadDataset, openHistory } from '../../data/index.ts';
import { UsageError } from '../../errors.ts';
import {
  backtestForecast,
  defaultBacktestPeriod,
  forecastDailyCsv,
  forecastHourlyCsv,
  forecastMetricsCsv,
  forecastReport,
  modelRegistry,
  type BacktestForecastReport,
  type BacktestMode,
} from '../../forecast/index.ts';
import { writeAtomic } from '../../writeAtomic.ts';
import { progressReporter } from '../progressReporter.ts';

/** Models run when --models is not given. */
export const DEFAULT_FORECAST_MODELS = ['seasonal-naive', 'vanilla', 'recency-hourly', 'ensemble'] as const;

interface Options {
  dataset: string;
  from?: string;
  to?: string;
  data?: string;
  out: string;
  models: string;
  mode: 'auto' | 'ex-post' | 'ex-ante' | 'both';
  origin: string;
  k: string;
  quiet?: boolean;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function parseDate(value: string | undefined, flag: string): string | undefined {
  if (value === undefined) return undefined;
  if (!DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw new UsageError(`${flag} must be a date YYYY-MM-DD`, { details: `got "${value}"`, hint: `e.g. ${flag} 2007-01-01` });
  }
  return value;
}

function parseInteger(value: string, flag: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new UsageError(`${flag} must be an integer from ${min} to ${max}`, { details: `got "${value}"`, hint: `e.g. ${flag} ${min}` });
  }
  return n;
}

function pad(value: string, width: number, left = false): string {
  return left ? value.padStart(width) : value.padEnd(width);
}

const num = (v: number | null, d: number) => (v === null ? '–' : v.toFixed(d));

/** The ranked table printed at the end (one block per mode). */
export function rankedTable(report: BacktestForecastReport): string {
  const lines: string[] = [];
  for (const run of report.runs) {
    lines.push(`${report.dataset} ${report.period.from} … ${report.period.to}, ${run.mode} (T: ${run.futureTemperature.join(',') || '—'})`);
    lines.push(
      [pad('#', 2), pad('model', 16), pad('MAPE%', 7, true), pad('vs van.', 8, true), pad('RMSE', 11, true), pad('peak%', 6, true), pad('peak h', 6, true), pad('P', 5, true), pad('R', 5, true), pad('CP', 5, true)].join(' '),
    );
    for (const m of [...run.models].sort((a, b) => a.rank - b.rank)) {
      lines.push(
        [
          pad(String(m.rank), 2),
          pad(m.name, 16),
          pad(num(m.mapePct, 3), 7, true),
          pad(m.mapeImprovementVsVanillaPct === null ? '–' : `${m.mapeImprovementVsVanillaPct.toFixed(1)}%`, 8, true),
          pad(num(m.rmse, m.rmse !== null && Math.abs(m.rmse) < 100 ? 2 : 0), 11, true),
          pad(num(m.peakMagnitudeErrorPct, 2), 6, true),
          pad(num(m.peakTimingErrorHours, 2), 6, true),
          pad(num(m.peakDayPrecision, 2), 5, true),
          pad(num(m.peakDayRecall, 2), 5, true),
          pad(num(m.cpCapture, 2), 5, true),
        ].join(' '),
      );
    }
    lines.push('');
  }
  return lines.join('\n');
}

/** `peaklab backtest forecast` — rolling-origin day-ahead backtest of the load forecasting models. */
export function backtestForecastCommand(): Command {
  return new Command('forecast')
    .description('Rolling-origin day-ahead backtest of load forecasting models (refit on all history at every origin)')
    .option('--dataset <name>', 'dataset view (manifest name)', 'gefcom2012')
    .option('--from <date>', 'first target day YYYY-MM-DD (default: the dataset\'s held-out period)')
    .option('--to <date>', 'last target day YYYY-MM-DD, inclusive')
    .option('--data <dir>', 'data root (default: $PEAKLAB_DATA or ../shared/datasets)')
    .option('--out <dir>', 'output folder', 'reports/backtest-forecast')
    .option('--models <list>', `comma-separated models: ${[...modelRegistry.keys()].join(', ')}`, DEFAULT_FORECAST_MODELS.join(','))
    .addOption(new Option('--mode <mode>', 'ex-post (actual T), ex-ante (T forecasts), both, or auto').choices(['auto', 'ex-post', 'ex-ante', 'both']).default('auto'))
    .option('--origin <hour>', "forecast origin: 'midnight' (00:00 of the target day) or an hour 0-23 of the previous day", 'midnight')
    .option('--k <n>', 'peak days per season for detection and DR event calls', '5')
    .option('--quiet', 'no progress output')
    .action(async (options: Options) => {
      const from = parseDate(options.from, '--from');
      const to = parseDate(options.to, '--to');
      const origin = options.origin === 'midnight' ? 'midnight' : parseInteger(options.origin, '--origin', 0, 23);
      const k = parseInteger(options.k, '--k', 1, 92);
      const models = options.models.split(',').map((m) => m.trim()).filter((m) => m.length > 0);
      const started = Date.now();
      const { frame, dataRoot } = await loadDataset({ name: options.dataset, data: options.data, env: process.env });
      const period = defaultBacktestPeriod({ frame });
      const modes: BacktestMode[] | undefined =
        options.mode === 'auto' ? undefined : options.mode === 'both' ? ['ex-post', 'ex-ante'] : [options.mode];
      const progress = progressReporter({
        bar: process.stderr.isTTY === true && options.quiet !== true,
        format: '{mode} [{bar}] {value}/{total} days {date}',
        // Plain lines: every 30th day and the last.
        line: ({ done, total, payload: { mode, date } }) => (done === total || done % 30 === 0 ? `${mode} ${done}/${total} days (${date})` : undefined),
      });
      if (options.quiet !== true) {
        process.stderr.write(`peaklab: backtest forecast ${frame.name} (${dataRoot}) ${from ?? period.from} … ${to ?? period.to}${from === undefined ? ` [${period.why}]` : ''}\n`);
      }
      const result = backtestForecast({
        frame,
        openHistory,
        from: from ?? period.from,
        to: to ?? period.to,
        models,
        modes,
        origin,
        k,
        onProgress: ({ mode, done, total, date }) => {
          if (options.quiet !== true) progress.step({ done, total, payload: { mode, date }, key: mode });
        },
      });
      const report = forecastReport({ result, loadUnit: frame.units.get(result.load) });
      const out = resolve(options.out);
      writeAtomic({ path: join(out, 'backtest-forecast.json'), content: `${JSON.stringify(report, null, 2)}\n` });
      writeAtomic({ path: join(out, 'backtest-forecast-metrics.csv'), content: forecastMetricsCsv({ report }) });
      writeAtomic({ path: join(out, 'backtest-forecast-daily.csv'), content: forecastDailyCsv({ result }) });
      writeAtomic({ path: join(out, 'backtest-forecast-hourly.csv'), content: forecastHourlyCsv({ result }) });
      process.stdout.write(rankedTable(report));
      if (options.quiet !== true) {
        process.stderr.write(`peaklab: wrote ${out}/backtest-forecast{.json,-metrics.csv,-daily.csv,-hourly.csv} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
      }
    });
}
