/**
 * Placebo event days: event-like days on which no event happened, so the true "what would they have used"
 * is the metered load and a baseline's error can be measured. Per calendar year, the `perYear` non-holiday
 * weekdays with the highest system load (sum of consumers) or highest temperature over the event window,
 * after a warm-up long enough for every method's lookback. Returned in chronological order.
 */
import type { Frame } from '../data/types.ts';
import { dayKeyOf, dayTable, intervalAtHour, isoDateOf } from './dayTable.ts';

export type PlaceboRank = 'load' | 'temperature';

export interface SelectPlaceboDaysParameters {
  frame: Frame;
  consumers: readonly string[];
  /** Local hour of the event start (e.g. 14). */
  startHour: number;
  durationHours: number;
  perYear: number;
  rank: PlaceboRank;
  /** Days at the start of the frame that cannot be placebo days (method lookbacks). */
  warmupDays: number;
  /** Hours that must exist after the event (methods that read after it, e.g. PJM Same Day). */
  tailHours?: number;
  holidays?: readonly string[];
  temperatureColumn?: string;
}

export interface PlaceboDay {
  /** Local date 'YYYY-MM-DD'. */
  readonly date: string;
  /** Epoch ms of the event start. */
  readonly start: number;
  readonly eventIndex: number;
  /** The ranking value (kWh summed over consumers and window hours, or the window's max temperature). */
  readonly score: number;
}

export function selectPlaceboDays({
  frame, consumers, startHour, durationHours, perYear, rank, warmupDays, tailHours = 0, holidays = [], temperatureColumn,
}: SelectPlaceboDaysParameters): PlaceboDay[] {
  const days = dayTable({ calendar: frame.calendar, length: frame.length });
  const holidayKeys = new Set(holidays.map(dayKeyOf));
  const series = rank === 'load'
    ? consumers.map((c) => frame.columns.get(c)).filter((v): v is Float64Array => v !== undefined)
    : [frame.columns.get(temperatureColumn ?? frame.roles.temperature?.[0] ?? '')].filter((v): v is Float64Array => v !== undefined);
  const byYear = new Map<number, PlaceboDay[]>();
  for (let d = warmupDays; d < days.count; d++) {
    const wd = days.weekday[d]!;
    if (wd === 0 || wd === 6 || holidayKeys.has(days.key[d]!)) continue;
    const anchor = intervalAtHour(days, frame.calendar, d, startHour);
    if (anchor < 0 || anchor + durationHours + tailHours > frame.length) continue;
    let score = rank === 'load' ? 0 : Number.NEGATIVE_INFINITY;
    let seen = 0;
    for (const values of series) {
      for (let i = anchor; i < anchor + durationHours; i++) {
        const v = values[i]!;
        if (!Number.isFinite(v)) continue;
        seen++;
        score = rank === 'load' ? score + v : Math.max(score, v);
      }
    }
    if (seen === 0) continue;
    const year = Math.floor(days.key[d]! / 10000);
    const list = byYear.get(year) ?? [];
    list.push({ date: isoDateOf(days.key[d]!), start: frame.time[anchor]!, eventIndex: anchor, score });
    byYear.set(year, list);
  }
  const chosen: PlaceboDay[] = [];
  for (const year of [...byYear.keys()].sort((a, b) => a - b)) {
    const list = byYear.get(year)!.sort((a, b) => b.score - a.score || a.eventIndex - b.eventIndex);
    chosen.push(...list.slice(0, perYear));
  }
  return chosen.sort((a, b) => a.eventIndex - b.eventIndex);
}
