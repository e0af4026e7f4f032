/**
 * What a baseline method sees: calendar facts (never secret), the event, the exclusion lists, and guarded
 * readers for load and temperature. Built by `computeBaseline`; the readers refuse any interval the method's
 * declared read window (`baselineReadWindow`) does not cover, so a method cannot look ahead by mistake.
 */
import type { Calendar } from '../data/types.ts';
import type { DayTable } from './dayTable.ts';

export interface TemperatureInputs {
  readonly column: string;
  /** True when the column is in °F (knots and matching are converted). */
  readonly fahrenheit: boolean;
  /** Observed temperature before the event start (through the history's gate). */
  past(fromIndex: number, toIndex: number): Float64Array;
  /** Temperature known for the event day (forecast, or actual in an ex-post settlement): History.exogenous. */
  known(fromIndex: number, toIndex: number): Float64Array;
}

export interface BaselineInputs {
  readonly calendar: Calendar;
  readonly days: DayTable;
  /** Index of the first event interval. */
  readonly eventIndex: number;
  /** Number of event intervals (hours). */
  readonly hours: number;
  /** Day index of the event start. */
  readonly eventDay: number;
  /** Number of intervals in the frame (for reads after the event, e.g. PJM Same Day). */
  readonly frameLength: number;
  /** yyyymmdd of prior program event days. */
  readonly eventDayKeys: ReadonlySet<number>;
  /** yyyymmdd of holidays. */
  readonly holidayKeys: ReadonlySet<number>;
  /** Consumer load for intervals [fromIndex, toIndex), guarded by the method's read window. */
  readLoad(fromIndex: number, toIndex: number): Float64Array;
  readonly temperature: TemperatureInputs | undefined;
}

export interface AdjustmentOutcome {
  readonly kind: 'additive' | 'ratio';
  /** Mean actual load over the adjustment window. */
  readonly actualWindowMean: number;
  /** Mean unadjusted baseline over the adjustment window. */
  readonly baselineWindowMean: number;
  /** Applied factor (ratio) or added kW (additive), after the cap. */
  readonly applied: number;
  /** True when the cap bound the adjustment. */
  readonly capped: boolean;
}

export interface BaselineComputation {
  /** Baseline per event hour (NaN when `insufficient`). */
  readonly values: Float64Array;
  /** Day indices whose load formed the baseline, most recent first (empty for regressions). */
  readonly days: readonly number[];
  readonly adjustment: AdjustmentOutcome | null;
  /** Why no baseline could be formed (not enough clean days, missing data), or null. */
  readonly insufficient: string | null;
}

export function insufficient(hours: number, reason: string): BaselineComputation {
  return { values: new Float64Array(hours).fill(Number.NaN), days: [], adjustment: null, insufficient: reason };
}
