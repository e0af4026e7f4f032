import type { Frame, History } from '../data/types.ts';
import { UsageError } from '../errors.ts';
import { coincidentPeakCapture, type CoincidentPeakCaptureResult } from './coincidentPeakCapture.ts';
import { dailyPeaks, type DailyPeaksResult } from './dailyPeaks.ts';
import type { Horizon } from './forecastModel.ts';
import { createModels } from './modelRegistry.ts';
import { peakDayDetection, type PeakDayDetectionResult } from './peakDayDetection.ts';
import { pointErrors, type PointErrorsResult } from './pointErrors.ts';
import { seasonOf } from './seasonOf.ts';

export type BacktestMode = 'ex-post' | 'ex-ante';

/** Opens a time-gated history (sim/data's `openHistory`). */
export type OpenHistory = (parameters: { frame: Frame; decisionTime: number; exogenous?: readonly string[] }) => History;

export interface BacktestForecastParameters {
  readonly frame: Frame;
  readonly openHistory: OpenHistory;
  /** First target day, local date YYYY-MM-DD (inclusive). */
  readonly from: string;
  /** Last target day, local date YYYY-MM-DD (inclusive). */
  readonly to: string;
  /** Model names (see modelRegistry). */
  readonly models: readonly string[];
  /** Default: ex-post, plus ex-ante when the frame has roles.temperatureForecast. */
  readonly modes?: readonly BacktestMode[];
  /**
   * When the forecast is made: 'midnight' = 00:00 local of the target day (everything up to the end of the
   * previous day is known; leads 1–24 h), or an hour 0–23 of the previous day (leads up to 48 h).
   */
  readonly origin?: 'midnight' | number;
  /** Peak days per season for detection and event calls. Default 5. */
  readonly k?: number;
  /** Coincident peak hours per season. Default 5. */
  readonly cpCount?: number;
  /** DR event length in hours for CP capture. Default 4. */
  readonly eventHours?: number;
  readonly onProgress?: (progress: { mode: BacktestMode; done: number; total: number; date: string }) => void;
}

export interface ModelScore {
  readonly points: PointErrorsResult;
  /** Mean |daily peak error| in percent of the actual daily peak. */
  readonly peakMagnitudeErrorPct: number;
  /** Mean signed daily peak error, percent (positive = over-forecast). */
  readonly peakBiasPct: number;
  /** Mean |forecast peak hour − actual peak hour|, hours. */
  readonly peakTimingErrorHours: number;
  readonly peakDays: PeakDayDetectionResult;
  readonly cpCapture: CoincidentPeakCaptureResult;
}

export interface ModelRun {
  readonly name: string;
  /** Forecast of every target hour, aligned with `actual`. */
  readonly forecast: Float64Array;
  readonly daily: DailyPeaksResult;
  readonly score: ModelScore;
}

export interface BacktestRun {
  readonly mode: BacktestMode;
  /** Temperature columns the models used for the target hours. */
  readonly futureTemperature: readonly string[];
  readonly models: readonly ModelRun[];
}

export interface BacktestForecastResult {
  readonly dataset: string;
  readonly load: string;
  readonly temperature: readonly string[];
  readonly from: string;
  readonly to: string;
  readonly origin: 'midnight' | number;
  /** Longest horizon asked of the models (48 when some target day has 25 hours or the origin is the day before). */
  readonly horizon: Horizon;
  readonly k: number;
  readonly cpCount: number;
  readonly eventHours: number;
  /** Target days: local date, season key, index of first hour in the frame and in `actual`. */
  readonly days: { readonly date: readonly string[]; readonly season: readonly string[]; readonly frameIndex: Int32Array; readonly dayStart: Int32Array };
  /** Epoch ms of every target hour. */
  readonly time: Float64Array;
  readonly actual: Float64Array;
  readonly runs: readonly BacktestRun[];
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Local date (YYYY-MM-DD) of frame interval i. */
export function localDate(frame: Pick<Frame, 'calendar'>, i: number): string {
  const c = frame.calendar;
  return `${pad(c.year[i], 4)}-${pad(c.month[i])}-${pad(c.day[i])}`;
}

/** First frame index of every local day, plus frame.length as a sentinel. */
function dayBoundaries(frame: Frame): number[] {
  const starts: number[] = [];
  let previous = '';
  for (let i = 0; i < frame.length; i++) {
    const c = frame.calendar;
    const key = `${c.year[i]}-${c.month[i]}-${c.day[i]}`;
    if (key !== previous) starts.push(i);
    previous = key;
  }
  starts.push(frame.length);
  return starts;
}

function mean(values: ArrayLike<number>, transform: (v: number) => number = (v) => v): number {
  let sum = 0;
  let count = 0;
  for (let i = 0; i < values.length; i++) {
    if (Number.isFinite(values[i])) {
      sum += transform(values[i]);
      count += 1;
    }
  }
  return count > 0 ? sum / count : Number.NaN;
}

/**
 * Rolling-origin day-ahead backtest. For every target day in [from, to] and every mode, each model is
 * fitted on all history before the origin (models refit incrementally, exactly) and predicts the target
 * day's hours; ex post the future temperature is the observed one (declared exogenous, as GEFCom2012
 * scored), ex ante it is the dataset's day-ahead temperature forecast. Scores are computed per model.
 */
export function backtestForecast({
  frame,
  openHistory,
  from,
  to,
  models,
  modes,
  origin = 'midnight',
  k = 5,
  cpCount = 5,
  eventHours = 4,
  onProgress,
}: BacktestForecastParameters): BacktestForecastResult {
  const load = frame.roles.load;
  if (load === undefined || !frame.columns.has(load)) {
    throw new UsageError(`Dataset ${frame.name} has no load column to forecast`, {
      details: `roles.load = ${String(load)}`,
      hint: "Give the dataset manifest a 'load' role.",
    });
  }
  if (origin !== 'midnight' && !(Number.isInteger(origin) && origin >= 0 && origin <= 23)) {
    throw new UsageError(`Invalid forecast origin ${String(origin)}`, { hint: "Use 'midnight' or an hour 0–23 of the previous day." });
  }
  const temperature = frame.roles.temperature ?? [];
  const forecastColumns = frame.roles.temperatureForecast ?? [];
  const runModes: readonly BacktestMode[] = modes ?? (forecastColumns.length > 0 ? ['ex-post', 'ex-ante'] : ['ex-post']);
  if (runModes.includes('ex-ante') && forecastColumns.length !== temperature.length) {
    throw new UsageError(`Dataset ${frame.name} has no day-ahead temperature forecast for an ex-ante backtest`, {
      details: `temperature: ${temperature.length} columns, temperatureForecast: ${forecastColumns.length}`,
      hint: 'Run ex post only, or use a dataset view with roles.temperatureForecast.',
    });
  }

  const bounds = dayBoundaries(frame);
  const targetDays: number[] = [];
  for (let d = 1; d < bounds.length - 1; d++) {
    const date = localDate(frame, bounds[d]);
    if (date >= from && date <= to) targetDays.push(d);
  }
  if (targetDays.length === 0) {
    throw new UsageError(`No target days between ${from} and ${to} in dataset ${frame.name}`, {
      details: `the dataset covers ${localDate(frame, 0)} … ${localDate(frame, frame.length - 1)}`,
      hint: 'Pick --from/--to inside that range (the first day cannot be a target: it has no history).',
    });
  }

  const plan = targetDays.map((d) => {
    const start = bounds[d];
    const end = bounds[d + 1];
    let decision = start;
    if (origin !== 'midnight') {
      decision = start - (24 - origin);
      for (let i = bounds[d - 1]; i < start; i++) if (frame.calendar.hour[i] === origin) decision = i;
    }
    return { start, end, decision, date: localDate(frame, start) };
  });
  const maxLead = Math.max(...plan.map((p) => p.end - p.decision));
  if (maxLead > 48) {
    throw new UsageError(`Forecast origin ${String(origin)} needs a ${maxLead} h horizon`, { hint: 'Use an origin at most 48 hours before the end of the target day.' });
  }
  // Each origin asks for the shortest horizon that covers its target day (24 h, or 48 h for a 25-hour day
  // or an origin on the previous day).
  const horizonOf = (p: { end: number; decision: number }): Horizon => (p.end - p.decision <= 24 ? 24 : 48);
  const horizon: Horizon = maxLead <= 24 ? 24 : 48;
  const last = plan[plan.length - 1];
  if (last.decision + horizonOf(last) > frame.length) {
    throw new UsageError(`The last target day is too close to the end of dataset ${frame.name}`, {
      details: `the ${horizonOf(last)} h horizon of the last origin runs past ${localDate(frame, frame.length - 1)}`,
      hint: 'End --to a day earlier.',
    });
  }

  const dayStart = new Int32Array(plan.length + 1);
  plan.forEach((p, n) => (dayStart[n + 1] = dayStart[n] + (p.end - p.start)));
  const hours = dayStart[plan.length];
  const loadValues = frame.columns.get(load) as Float64Array;
  const actual = new Float64Array(hours);
  const time = new Float64Array(hours);
  plan.forEach((p, n) => {
    actual.set(loadValues.subarray(p.start, p.end), dayStart[n]);
    time.set(frame.time.subarray(p.start, p.end), dayStart[n]);
  });
  const seasons = plan.map((p) => seasonOf({ month: frame.calendar.month[p.start], year: frame.calendar.year[p.start] }));

  const runs: BacktestRun[] = [];
  for (const mode of runModes) {
    const futureTemperature = mode === 'ex-post' ? temperature : forecastColumns;
    const instances = createModels({ names: models, columns: { load, temperature, futureTemperature } });
    const forecasts = instances.map(() => new Float64Array(hours));
    plan.forEach((p, n) => {
      const history = openHistory({ frame, decisionTime: frame.time[p.decision], exogenous: futureTemperature });
      instances.forEach((model, m) => {
        model.fit(history);
        const prediction = model.predict({ history, horizon: horizonOf(p) });
        forecasts[m].set(prediction.subarray(p.start - p.decision, p.end - p.decision), dayStart[n]);
      });
      onProgress?.({ mode, done: n + 1, total: plan.length, date: p.date });
    });
    runs.push({
      mode,
      futureTemperature,
      models: instances.map((model, m) => {
        const forecast = forecasts[m];
        const daily = dailyPeaks({ actual, forecast, dayStart });
        return {
          name: model.name,
          forecast,
          daily,
          score: {
            points: pointErrors({ actual, forecast }),
            peakMagnitudeErrorPct: mean(daily.peakErrorPct, Math.abs),
            peakBiasPct: mean(daily.peakErrorPct),
            peakTimingErrorHours: mean(daily.timingErrorHours),
            peakDays: peakDayDetection({ actualPeak: daily.actualPeak, forecastPeak: daily.forecastPeak, seasons, k }),
            cpCapture: coincidentPeakCapture({
              actualPeak: daily.actualPeak,
              actualPeakHour: daily.actualPeakHour,
              forecastPeak: daily.forecastPeak,
              forecastPeakHour: daily.forecastPeakHour,
              seasons,
              k,
              cpCount,
              eventHours,
            }),
          },
        };
      }),
    });
  }

  return {
    dataset: frame.name,
    load,
    temperature,
    from,
    to,
    origin,
    horizon,
    k,
    cpCount,
    eventHours,
    days: { date: plan.map((p) => p.date), season: seasons, frameIndex: Int32Array.from(plan.map((p) => p.start)), dayStart },
    time,
    actual,
    runs,
  };
}
