/**
 * The files `peaklab backtest baseline` writes (pure: results → file contents; the CLI writes them
 * atomically). Numbers are rounded to 3 decimals everywhere (NaN → null in JSON, empty in CSV).
 *
 * `backtest-baseline.json` (schema `peaklab/backtest-baseline@1`):
 * { schema, datasets: [{ dataset, timezone, consumers, event: {startHour, durationHours}, gaming: {factor, hours},
 *   placeboDays: [{date, score}], scoredConsumerDays,
 *   methods: [{ rank, id, name, label, source, skipped, coverage: {withBaseline, tried},
 *     aggregate: {events, biasPct, rrmsePct, medianAbsPct, cvRmsePct} | null,
 *     perConsumerMedian: {biasPct, rrmsePct, medianAbsPct, cvRmsePct} | null,
 *     gaming: {window: {fromHour, toHour}, extraBaselineKWh, extraBaselinePct, extraConsumedKWh, upliftPerExtraKWh} | null }] }] }
 * (top-level `gaming.hours` null = each method's own adjustment window was inflated).
 * CSVs: `methods.csv` (one row per dataset × method), `consumers.csv` (dataset × method × consumer),
 * `placebo-days.csv` (dataset × day).
 */
import { from } from 'arquero';
import { csvNumber, roundOrNull } from '../data/index.ts';
import type { BacktestBaselinesResult } from './backtestBaselines.ts';

export interface BacktestReportFilesParameters {
  results: readonly BacktestBaselinesResult[];
}

export interface ReportFile {
  readonly name: string;
  readonly content: string;
}

export const BACKTEST_BASELINE_SCHEMA = 'peaklab/backtest-baseline@1';

const round = (value: number | undefined | null): number | null => roundOrNull({ value, decimals: 3 });
const fixed = (value: number | undefined | null): string => csvNumber({ value, decimals: 3 });

function roundAll<T extends object>(o: T | null): Record<string, unknown> | null {
  if (o === null) return null;
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeof v === 'number' ? round(v) : v]));
}

export function backtestReportFiles({ results }: BacktestReportFilesParameters): ReportFile[] {
  const json = {
    schema: BACKTEST_BASELINE_SCHEMA,
    datasets: results.map((r) => ({
      dataset: r.dataset,
      timezone: r.timezone,
      consumers: r.consumers.length,
      event: r.event,
      gaming: r.gaming,
      placeboDays: r.placeboDays.map((p) => ({ date: p.date, score: round(p.score) })),
      scoredConsumerDays: r.scoredConsumerDays,
      methods: r.methods.map((m) => ({
        rank: m.rank, id: m.id, name: m.name, label: m.label, source: m.source, skipped: m.skipped, coverage: m.coverage,
        aggregate: roundAll(m.aggregate), perConsumerMedian: roundAll(m.perConsumerMedian), gaming: roundAll(m.gaming),
      })),
    })),
  };
  const methods = results.flatMap((r) =>
    r.methods.map((m) => ({
      dataset: r.dataset,
      rank: m.rank ?? '',
      id: m.id,
      method: m.name,
      median_rrmse_pct: fixed(m.perConsumerMedian?.rrmsePct),
      median_bias_pct: fixed(m.perConsumerMedian?.biasPct),
      median_abs_pct: fixed(m.perConsumerMedian?.medianAbsPct),
      median_cvrmse_pct: fixed(m.perConsumerMedian?.cvRmsePct),
      aggregate_bias_pct: fixed(m.aggregate?.biasPct),
      aggregate_rrmse_pct: fixed(m.aggregate?.rrmsePct),
      aggregate_abs_pct: fixed(m.aggregate?.medianAbsPct),
      aggregate_cvrmse_pct: fixed(m.aggregate?.cvRmsePct),
      gaming_window: m.gaming ? `${m.gaming.window.fromHour}..${m.gaming.window.toHour}` : '',
      gaming_extra_kwh: fixed(m.gaming?.extraBaselineKWh),
      gaming_extra_pct: fixed(m.gaming?.extraBaselinePct),
      gaming_uplift_per_kwh: fixed(m.gaming?.upliftPerExtraKWh),
      coverage_pct: fixed(m.coverage.tried > 0 ? (100 * m.coverage.withBaseline) / m.coverage.tried : Number.NaN),
      skipped: m.skipped ?? '',
    })),
  );
  const consumers = results.flatMap((r) =>
    r.perConsumer.map((c) => ({
      dataset: r.dataset, method: c.method, consumer: c.consumer, events: c.events,
      bias_pct: fixed(c.biasPct), rrmse_pct: fixed(c.rrmsePct), median_abs_pct: fixed(c.medianAbsPct), cvrmse_pct: fixed(c.cvRmsePct),
      gaming_extra_pct: fixed(c.gamingExtraPct),
    })),
  );
  const days = results.flatMap((r) => r.placeboDays.map((p) => ({ dataset: r.dataset, date: p.date, start_utc: new Date(p.start).toISOString(), score: fixed(p.score) })));
  return [
    { name: 'backtest-baseline.json', content: `${JSON.stringify(json, null, 2)}\n` },
    { name: 'methods.csv', content: from(methods).toCSV() },
    { name: 'consumers.csv', content: from(consumers).toCSV() },
    { name: 'placebo-days.csv', content: from(days).toCSV() },
  ];
}
