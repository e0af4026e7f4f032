/**
 * Computes one consumer's customer baseline for one event from a time-gated History: a pure function of
 * (spec, visible data, event, exclusion lists). Returns one value per event hour (kWh per hour = mean kW).
 *
 * Look-ahead guard: the method's reads are limited to the ranges `baselineReadWindow` declares for its spec
 * (for all methods but PJM Same Day: strictly before the event start), and the History must be open at least
 * to the method's settlement time. Any other read throws `LookAheadError`.
 */
import { LookAheadError, UsageError } from '../errors.ts';
import type { History } from '../data/types.ts';
import type { BaselineMethodSpec } from './baselineMethodSpec.ts';
import type { AdjustmentOutcome, BaselineComputation, BaselineInputs, TemperatureInputs } from './baselineInputs.ts';
import { type BaselineEvent, baselineReadWindow } from './baselineReadWindow.ts';
import { dayKeyOf, dayTable, isoDateOf } from './dayTable.ts';
import { matchDayBaseline } from './matchDayBaseline.ts';
import { rollingBaseline } from './rollingBaseline.ts';
import { sameDayBaseline } from './sameDayBaseline.ts';
import { towtBaseline } from './towtBaseline.ts';
import { xOfYBaseline } from './xOfYBaseline.ts';

const HOUR_MS = 3_600_000;

export interface ComputeBaselineParameters {
  spec: BaselineMethodSpec;
  /** Opened at (or after) `baselineReadWindow(spec, event).settlementTime`; with `temperatureColumn` as exogenous for weather methods. */
  history: History;
  /** The consumer's load column. */
  column: string;
  event: BaselineEvent;
  /** Local dates ('YYYY-MM-DD') of the program's prior event days. */
  eventDays?: readonly string[];
  /** Local dates ('YYYY-MM-DD') of holidays. */
  holidays?: readonly string[];
  /** Temperature column (default: the frame's first `roles.temperature`). */
  temperatureColumn?: string;
}

export interface ComputeBaselineResult {
  /** Baseline per event hour; NaN when `insufficient`. */
  readonly values: Float64Array;
  /** Local dates of the days whose load formed the baseline, most recent first. */
  readonly days: readonly string[];
  readonly adjustment: AdjustmentOutcome | null;
  /** Why no baseline could be formed, or null. */
  readonly insufficient: string | null;
}

function keySet(dates: readonly string[] | undefined, name: string): Set<number> {
  const set = new Set<number>();
  for (const date of dates ?? []) {
    const key = dayKeyOf(date);
    if (!Number.isFinite(key)) {
      throw new UsageError(`Invalid date in ${name}: ${JSON.stringify(date)}`, { hint: "Write local dates as 'YYYY-MM-DD'." });
    }
    set.add(key);
  }
  return set;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function dispatch(spec: BaselineMethodSpec, inputs: BaselineInputs): BaselineComputation {
  switch (spec.kind) {
    case 'XofY':
      return xOfYBaseline({ spec, inputs });
    case 'sameDay':
      return sameDayBaseline({ spec, inputs });
    case 'matchDay':
      return matchDayBaseline({ spec, inputs });
    case 'regression':
      return towtBaseline({ spec, inputs });
    case 'rolling':
      return rollingBaseline({ spec, inputs });
  }
}

/** Like `computeBaseline`, with the days used, the adjustment applied and the reason for a NaN result. */
export function computeBaselineDetailed({ spec, history, column, event, eventDays, holidays, temperatureColumn }: ComputeBaselineParameters): ComputeBaselineResult {
  const { frame } = history;
  if (frame.stepMs !== HOUR_MS) {
    throw new UsageError(`Baselines need hourly data; ${frame.name} has a ${frame.stepMs / 60_000}-minute step`, {
      hint: 'Resample the dataset to hourly intervals before computing baselines.',
    });
  }
  const offset = (event.start - frame.start) / HOUR_MS;
  if (!Number.isInteger(offset) || offset < 0 || !Number.isInteger(event.durationHours) || event.durationHours < 1 || event.durationHours > 24 || offset + event.durationHours > frame.length) {
    throw new UsageError('Event is not on the dataset\'s hourly grid', {
      details: `event start ${iso(event.start)}, ${event.durationHours} h; ${frame.name} covers ${iso(frame.start)} + ${frame.length} h`,
      hint: 'Start events on a whole hour inside the dataset, lasting 1–24 whole hours.',
    });
  }
  const eventIndex = offset;
  const window = baselineReadWindow({ spec, event });
  const toIndex = (ms: number) => (ms - frame.start) / HOUR_MS;
  const settlementIndex = toIndex(window.settlementTime);
  if (history.visibleLength < settlementIndex) {
    throw new LookAheadError('The history is not open long enough for this baseline method', {
      details: `history gate ${iso(history.decisionTime)}; the method reads load until ${iso(window.settlementTime)} (event ${iso(event.start)})`,
      hint: 'Open the history at baselineReadWindow({spec, event}).settlementTime (after the event for PJM Same Day).',
    });
  }
  const ranges = window.loadRanges.map((r) => ({ from: toIndex(r.from), to: toIndex(r.to) }));
  const readLoad = (from: number, to: number): Float64Array => {
    if (!ranges.some((r) => from >= r.from && to <= r.to)) {
      throw new LookAheadError(`Baseline method (${spec.kind}) read load outside its declared window`, {
        details: `intervals [${from}, ${to}) of ${column}; declared ${ranges.map((r) => `[${r.from}, ${r.to})`).join(' ∪ ')}; event starts at ${eventIndex}`,
        hint: 'This is a bug in the method: it must read only what baselineReadWindow declares.',
      });
    }
    return history.values(column, from, to);
  };
  const temperatureName = temperatureColumn ?? frame.roles.temperature?.[0];
  let temperature: TemperatureInputs | undefined;
  if (temperatureName !== undefined) {
    const unit = frame.units.get(temperatureName) ?? '';
    temperature = {
      column: temperatureName,
      fahrenheit: /F$/.test(unit),
      past: (from, to) => {
        if (to > eventIndex) {
          throw new LookAheadError('Baseline method read observed temperature after the event start', {
            details: `intervals [${from}, ${to}) of ${temperatureName}; event starts at ${eventIndex}`,
            hint: 'Read event-time temperature through temperature.known (History.exogenous).',
          });
        }
        return history.values(temperatureName, from, to);
      },
      known: (from, to) => history.exogenous(temperatureName, from, to),
    };
  }
  const days = dayTable({ calendar: frame.calendar, length: frame.length });
  const inputs: BaselineInputs = {
    calendar: frame.calendar,
    days,
    eventIndex,
    hours: event.durationHours,
    eventDay: days.dayOf[eventIndex]!,
    frameLength: frame.length,
    eventDayKeys: keySet(eventDays, 'eventDays'),
    holidayKeys: keySet(holidays, 'holidays'),
    readLoad,
    temperature,
  };
  const result = dispatch(spec, inputs);
  return {
    values: result.values,
    days: result.days.map((d) => isoDateOf(days.key[d]!)),
    adjustment: result.adjustment,
    insufficient: result.insufficient,
  };
}

/** Baseline per event hour for one consumer column (NaN where too little clean history exists). */
export function computeBaseline(parameters: ComputeBaselineParameters): Float64Array {
  return computeBaselineDetailed(parameters).values;
}
