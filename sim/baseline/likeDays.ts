/**
 * The pool of candidate baseline days shared by the day-matching methods (X of Y, match day, rolling):
 * prior days of the right type inside the lookback, minus excluded days and days whose needed hours are
 * missing (NaN), most recent first.
 */
import { adjustmentOffsets } from './baselineFromDays.ts';
import type { AdjustmentSpec, DayType, Exclusions } from './baselineMethodSpec.ts';
import type { BaselineInputs } from './baselineInputs.ts';
import { intervalAtHour } from './dayTable.ts';

export interface LikeDay {
  readonly day: number;
  /** Interval of this day at the event's local start hour; event hour k is `anchor + k`. */
  readonly anchor: number;
  /** Mean load over the event hours on this day. */
  readonly eventMean: number;
}

export interface LikeDaysParameters {
  inputs: BaselineInputs;
  dayType: DayType;
  lookbackDays: number;
  exclusions: Exclusions;
  /** Offsets relative to a day's anchor that must all be present: [minOffset, maxOffset). */
  minOffset: number;
  maxOffset: number;
  /** Load block read from `loadFrom` up to the event start. */
  load: Float64Array;
  loadFrom: number;
}

/** 0 = weekday, 1 = weekend/holiday (or Saturday), 2 = Sunday/holiday in the three-type scheme. */
export function dayClass(inputs: BaselineInputs, d: number, dayType: DayType): number {
  const { days, holidayKeys } = inputs;
  const weekday = days.weekday[d]!;
  const holiday = holidayKeys.has(days.key[d]!);
  if (dayType === 'weekdaySaturdaySunday') return holiday || weekday === 0 ? 2 : weekday === 6 ? 1 : 0;
  return holiday || weekday === 0 || weekday === 6 ? 1 : 0;
}

/** Whether the event day is a weekend/holiday day (selects an X-of-Y `weekend` rule). */
export function isWeekendType(inputs: BaselineInputs, d: number): boolean {
  return dayClass(inputs, d, 'sameType') === 1;
}

/** First index of the load block the like-day methods read: the lookback's first day plus the window. */
function likeDaysLoadFrom(inputs: BaselineInputs, lookbackDays: number, minOffset: number): number {
  const firstDay = Math.max(0, inputs.eventDay - lookbackDays);
  return Math.max(0, inputs.days.start[firstDay]! + minOffset);
}

export function likeDays({ inputs, dayType, lookbackDays, exclusions, minOffset, maxOffset, load, loadFrom }: LikeDaysParameters): LikeDay[] {
  const { days, calendar, eventDay, eventIndex, eventDayKeys, holidayKeys, hours } = inputs;
  const target = dayType === 'weekday' ? 0 : dayType === 'weekend' ? 1 : dayClass(inputs, eventDay, dayType);
  const anchorHour = calendar.hour[eventIndex]!;
  const out: LikeDay[] = [];
  const firstDay = Math.max(0, eventDay - lookbackDays);
  for (let d = eventDay - 1; d >= firstDay; d--) {
    const key = days.key[d]!;
    if (dayClass(inputs, d, dayType) !== target) continue;
    if (exclusions.holidays && holidayKeys.has(key)) continue;
    if (exclusions.eventDays && eventDayKeys.has(key)) continue;
    if (exclusions.dayAfterEvent && d > 0 && eventDayKeys.has(days.key[d - 1]!)) continue;
    const anchor = intervalAtHour(days, calendar, d, anchorHour);
    if (anchor < 0) continue;
    const from = anchor + minOffset;
    const to = anchor + maxOffset;
    if (from < loadFrom || to > eventIndex) continue;
    let complete = true;
    for (let i = from; i < to; i++) {
      if (!Number.isFinite(load[i - loadFrom]!)) {
        complete = false;
        break;
      }
    }
    if (!complete) continue;
    let sum = 0;
    for (let k = 0; k < hours; k++) sum += load[anchor + k - loadFrom]!;
    out.push({ day: d, anchor, eventMean: sum / hours });
  }
  return out;
}

export interface LikeDayPoolParameters {
  inputs: BaselineInputs;
  /** The method's like-day rule and its day-of adjustment, whose window must be present on every like day too. */
  spec: { readonly dayType: DayType; readonly lookbackDays: number; readonly exclusions: Exclusions; readonly adjustment: AdjustmentSpec };
}

export interface LikeDayPool {
  /** The like days, most recent first. */
  pool: LikeDay[];
  /** The load block they were checked on, from `loadFrom` up to the event start. */
  load: Float64Array;
  loadFrom: number;
  /** Earliest offset read relative to a day's anchor (the adjustment window's start, or 0). */
  minOffset: number;
}

/** The like days of a day-matching method (X of Y, match day, rolling) with the load block read once for them. */
export function likeDayPool({ inputs, spec }: LikeDayPoolParameters): LikeDayPool {
  const [w0] = adjustmentOffsets(spec.adjustment);
  const minOffset = Math.min(0, w0);
  const loadFrom = likeDaysLoadFrom(inputs, spec.lookbackDays, minOffset);
  const load = inputs.readLoad(loadFrom, inputs.eventIndex);
  const pool = likeDays({
    inputs, dayType: spec.dayType, lookbackDays: spec.lookbackDays, exclusions: spec.exclusions,
    minOffset, maxOffset: inputs.hours, load, loadFrom,
  });
  return { pool, load, loadFrom, minOffset };
}
