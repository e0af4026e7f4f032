import * as aq from 'arquero';
import { csvNumber, roundOrNull } from '../data/index.ts';
import type { BacktestForecastResult } from './backtestForecast.ts';
import { modelRegistry } from './modelRegistry.ts';

/** Version tag of the JSON written by `peaklab backtest forecast`. */
export const BACKTEST_FORECAST_SCHEMA = 'peaklab/backtest-forecast@1';

/** Rounds to fixed decimals for output; NaN/±Infinity become null. */
const fixed = (value: number, decimals: number): number | null => roundOrNull({ value, decimals });

export interface ModelSummary {
  readonly name: string;
  readonly description: string;
  /** 1 = lowest MAPE within the run. */
  readonly rank: number;
  readonly mapePct: number | null;
  readonly rmse: number | null;
  readonly mae: number | null;
  /** Relative MAPE reduction vs the vanilla benchmark, percent (null when vanilla was not run). */
  readonly mapeImprovementVsVanillaPct: number | null;
  readonly hours: number;
  readonly missingForecasts: number;
  readonly peakMagnitudeErrorPct: number | null;
  readonly peakBiasPct: number | null;
  readonly peakTimingErrorHours: number | null;
  readonly peakDayPrecision: number | null;
  readonly peakDayRecall: number | null;
  readonly cpCapture: number | null;
  readonly seasons: readonly {
    readonly season: string;
    readonly actualPeakDays: readonly string[];
    readonly flaggedDays: readonly string[];
    readonly peakDayPrecision: number | null;
    readonly peakDayRecall: number | null;
    readonly cpHours: number;
    readonly cpCaptured: number;
  }[];
}

export interface BacktestForecastReport {
  readonly schema: typeof BACKTEST_FORECAST_SCHEMA;
  readonly dataset: string;
  readonly load: string;
  readonly loadUnit: string | null;
  readonly temperature: readonly string[];
  readonly period: { readonly from: string; readonly to: string; readonly days: number; readonly hours: number };
  readonly origin: 'midnight' | number;
  readonly horizon: number;
  readonly k: number;
  readonly cpCount: number;
  readonly eventHours: number;
  readonly runs: readonly { readonly mode: string; readonly futureTemperature: readonly string[]; readonly models: readonly ModelSummary[] }[];
}

export interface ForecastReportParameters {
  readonly result: BacktestForecastResult;
  readonly loadUnit?: string;
}

/** The JSON document (see docs/forecasting.md, Outputs, for the field list); models ranked by MAPE within each run. */
export function forecastReport({ result, loadUnit }: ForecastReportParameters): BacktestForecastReport {
  const date = (d: number) => result.days.date[d];
  return {
    schema: BACKTEST_FORECAST_SCHEMA,
    dataset: result.dataset,
    load: result.load,
    loadUnit: loadUnit ?? null,
    temperature: result.temperature,
    period: { from: result.from, to: result.to, days: result.days.date.length, hours: result.actual.length },
    origin: result.origin,
    horizon: result.horizon,
    k: result.k,
    cpCount: result.cpCount,
    eventHours: result.eventHours,
    runs: result.runs.map((run) => {
      const vanilla = run.models.find((m) => m.name === 'vanilla')?.score.points.mape;
      const order = run.models
        .map((m, index) => ({ index, mape: m.score.points.mape }))
        .sort((a, b) => (Number.isFinite(a.mape) ? a.mape : Infinity) - (Number.isFinite(b.mape) ? b.mape : Infinity) || a.index - b.index);
      const rank = new Map(order.map((o, r) => [o.index, r + 1]));
      return {
        mode: run.mode,
        futureTemperature: run.futureTemperature,
        models: run.models.map((m, index) => {
          const s = m.score;
          return {
            name: m.name,
            description: modelRegistry.get(m.name)?.description ?? m.name,
            rank: rank.get(index) as number,
            mapePct: fixed(s.points.mape, 4),
            rmse: fixed(s.points.rmse, 3),
            mae: fixed(s.points.mae, 3),
            mapeImprovementVsVanillaPct: vanilla === undefined ? null : fixed((100 * (vanilla - s.points.mape)) / vanilla, 2),
            hours: s.points.count,
            missingForecasts: s.points.missingForecasts,
            peakMagnitudeErrorPct: fixed(s.peakMagnitudeErrorPct, 4),
            peakBiasPct: fixed(s.peakBiasPct, 4),
            peakTimingErrorHours: fixed(s.peakTimingErrorHours, 4),
            peakDayPrecision: fixed(s.peakDays.precision, 4),
            peakDayRecall: fixed(s.peakDays.recall, 4),
            cpCapture: fixed(s.cpCapture.capture, 4),
            seasons: s.peakDays.seasons.map((season, n) => ({
              season: season.season,
              actualPeakDays: season.actualDays.map(date),
              flaggedDays: season.flaggedDays.map(date),
              peakDayPrecision: fixed(season.precision, 4),
              peakDayRecall: fixed(season.recall, 4),
              cpHours: s.cpCapture.seasons[n].cpHours,
              cpCaptured: s.cpCapture.seasons[n].captured,
            })),
          };
        }),
      };
    }),
  };
}

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));
const decimals = (d: number) => (value: unknown) => csvNumber({ value, decimals: d });

/** metrics.csv: one row per (mode, model), ranked. */
export function forecastMetricsCsv({ report }: { report: BacktestForecastReport }): string {
  const rows = report.runs.flatMap((run) =>
    [...run.models]
      .sort((a, b) => a.rank - b.rank)
      .map((m) => ({
        mode: run.mode,
        rank: m.rank,
        model: m.name,
        mape_pct: m.mapePct,
        rmse: m.rmse,
        mae: m.mae,
        mape_improvement_vs_vanilla_pct: m.mapeImprovementVsVanillaPct,
        peak_error_pct: m.peakMagnitudeErrorPct,
        peak_bias_pct: m.peakBiasPct,
        peak_timing_h: m.peakTimingErrorHours,
        peak_day_precision: m.peakDayPrecision,
        peak_day_recall: m.peakDayRecall,
        cp_capture: m.cpCapture,
        hours: m.hours,
        missing_forecasts: m.missingForecasts,
      })),
  );
  return aq.from(rows).toCSV({ format: { mape_improvement_vs_vanilla_pct: text, peak_day_precision: text, peak_day_recall: text, cp_capture: text } });
}

/** daily.csv: one row per (mode, model, day) with daily peak magnitude/timing errors and daily MAPE. */
export function forecastDailyCsv({ result }: { result: BacktestForecastResult }): string {
  const columns: Record<string, unknown[]> = {
    mode: [],
    model: [],
    date: [],
    season: [],
    actual_peak: [],
    forecast_peak: [],
    peak_error_pct: [],
    actual_peak_hour: [],
    forecast_peak_hour: [],
    timing_error_h: [],
    day_mape_pct: [],
  };
  for (const run of result.runs) {
    for (const m of run.models) {
      result.days.date.forEach((date, d) => {
        columns.mode.push(run.mode);
        columns.model.push(m.name);
        columns.date.push(date);
        columns.season.push(result.days.season[d]);
        columns.actual_peak.push(m.daily.actualPeak[d]);
        columns.forecast_peak.push(m.daily.forecastPeak[d]);
        columns.peak_error_pct.push(m.daily.peakErrorPct[d]);
        columns.actual_peak_hour.push(m.daily.actualPeakHour[d] < 0 ? Number.NaN : m.daily.actualPeakHour[d]);
        columns.forecast_peak_hour.push(m.daily.forecastPeakHour[d] < 0 ? Number.NaN : m.daily.forecastPeakHour[d]);
        columns.timing_error_h.push(m.daily.timingErrorHours[d]);
        columns.day_mape_pct.push(m.daily.dayMape[d]);
      });
    }
  }
  return aq.table(columns).toCSV({
    format: {
      actual_peak: decimals(3),
      forecast_peak: decimals(3),
      peak_error_pct: decimals(4),
      actual_peak_hour: decimals(0),
      forecast_peak_hour: decimals(0),
      timing_error_h: decimals(0),
      day_mape_pct: decimals(4),
    },
  });
}

/** hourly.csv: every target hour (UTC ISO time), the actual load and each model's forecast, per mode. */
export function forecastHourlyCsv({ result }: { result: BacktestForecastResult }): string {
  const names = result.runs[0]?.models.map((m) => m.name) ?? [];
  const columns: Record<string, unknown[]> = { mode: [], time_utc: [], actual: [] };
  for (const name of names) columns[name] = [];
  for (const run of result.runs) {
    for (let h = 0; h < result.actual.length; h++) {
      columns.mode.push(run.mode);
      columns.time_utc.push(new Date(result.time[h]).toISOString());
      columns.actual.push(result.actual[h]);
      run.models.forEach((m) => columns[m.name].push(m.forecast[h]));
    }
  }
  const format: Record<string, (v: unknown) => string> = { actual: decimals(3) };
  for (const name of names) format[name] = decimals(3);
  return aq.table(columns).toCSV({ format });
}
