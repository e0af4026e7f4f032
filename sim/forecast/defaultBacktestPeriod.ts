import type { Frame } from '../data/types.ts';
import { localDate } from './backtestForecast.ts';

/** Held-out periods of the reference backtests (by dataset view name). */
const REFERENCE: Readonly<Record<string, { from: string; to: string; why: string }>> = {
  gefcom2012: { from: '2007-01-01', to: '2007-12-31', why: 'reference: GEFCom2012 system load, test year 2007' },
};

export interface DefaultBacktestPeriodResult {
  readonly from: string;
  readonly to: string;
  readonly why: string;
}

/**
 * The held-out period used when the user gives no --from/--to: the reference period for known views;
 * otherwise, when the frame has day-ahead temperature forecasts, the days where forecasts and load are
 * both present (at most the last 365); otherwise the last 365 days with load, but never more than a
 * quarter of the data (so at least three quarters remain for training — e.g. April for 4 months of data).
 */
export function defaultBacktestPeriod({ frame }: { frame: Frame }): DefaultBacktestPeriodResult {
  const reference = REFERENCE[frame.name];
  if (reference !== undefined) return reference;
  const load = frame.columns.get(frame.roles.load ?? '');
  const forecastColumns = (frame.roles.temperatureForecast ?? []).map((c) => frame.columns.get(c)).filter((c): c is Float64Array => c !== undefined);
  const usable = (i: number) =>
    load !== undefined && Number.isFinite(load[i]) && forecastColumns.every((c) => Number.isFinite(c[i]));
  let last = frame.length - 1;
  while (last >= 0 && !usable(last)) last -= 1;
  // End on the last day that ends inside the frame.
  while (last >= 0 && frame.calendar.hour[last] !== 23) last -= 1;
  let first = last;
  let totalDays = 0;
  for (let i = 0; i < frame.length; i++) if (frame.calendar.hour[i] === 0 && (i === 0 || frame.calendar.hour[i - 1] !== 0)) totalDays += 1;
  const maxDays = forecastColumns.length > 0 ? Math.min(365, totalDays - 28) : Math.min(365, Math.floor(totalDays / 4));
  let days = 0;
  for (let i = last; i >= 0 && usable(i); i--) {
    if (frame.calendar.hour[i] === 0) {
      days += 1;
      first = i;
      if (days >= maxDays) break;
    }
  }
  return {
    from: localDate(frame, first),
    to: localDate(frame, last),
    why: forecastColumns.length > 0 ? 'days with day-ahead temperature forecasts and load (last ≤ 365)' : 'last quarter of the data, at most 365 days',
  };
}
