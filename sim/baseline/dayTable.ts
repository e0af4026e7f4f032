/**
 * Local calendar days of a frame, derived from its (public) calendar: each day is a run of consecutive
 * intervals with the same local year/month/day. Days are contiguous in time, so "d − 1" is the previous
 * calendar day (a frame is gap-free in time). Cached per calendar object.
 */
import type { Calendar } from '../data/types.ts';

export interface DayTable {
  readonly count: number;
  /** Index of the first interval of day d. */
  readonly start: Int32Array;
  /** Number of intervals of day d (23/25 on DST change days for hourly data). */
  readonly length: Int32Array;
  /** Local date of day d as yyyymmdd. */
  readonly key: Int32Array;
  /** 0 = Sunday .. 6 = Saturday. */
  readonly weekday: Uint8Array;
  /** Interval index → day index. */
  readonly dayOf: Int32Array;
}

export interface DayTableParameters {
  calendar: Calendar;
  length: number;
}

const cache = new WeakMap<Calendar, DayTable>();

export function dayTable({ calendar, length }: DayTableParameters): DayTable {
  const cached = cache.get(calendar);
  if (cached && cached.dayOf.length === length) return cached;
  const dayOf = new Int32Array(length);
  const starts: number[] = [];
  let previous = -1;
  for (let i = 0; i < length; i++) {
    const key = calendar.year[i]! * 10000 + calendar.month[i]! * 100 + calendar.day[i]!;
    if (key !== previous) {
      starts.push(i);
      previous = key;
    }
    dayOf[i] = starts.length - 1;
  }
  const count = starts.length;
  const start = Int32Array.from(starts);
  const dayLength = new Int32Array(count);
  const key = new Int32Array(count);
  const weekday = new Uint8Array(count);
  for (let d = 0; d < count; d++) {
    const s = start[d]!;
    dayLength[d] = (d + 1 < count ? start[d + 1]! : length) - s;
    key[d] = calendar.year[s]! * 10000 + calendar.month[s]! * 100 + calendar.day[s]!;
    weekday[d] = calendar.weekday[s]!;
  }
  const table: DayTable = { count, start, length: dayLength, key, weekday, dayOf };
  cache.set(calendar, table);
  return table;
}

/** Index of the first interval of day `d` whose local hour is `hour`, or −1 (e.g. the skipped DST hour). */
export function intervalAtHour(table: DayTable, calendar: Calendar, d: number, hour: number): number {
  const s = table.start[d]!;
  const end = s + table.length[d]!;
  for (let i = s; i < end; i++) if (calendar.hour[i] === hour) return i;
  return -1;
}

/** 'YYYY-MM-DD' → yyyymmdd. */
export function dayKeyOf(isoDate: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) return Number.NaN;
  return Number(m[1]) * 10000 + Number(m[2]) * 100 + Number(m[3]);
}

/** yyyymmdd → 'YYYY-MM-DD'. */
export function isoDateOf(key: number): string {
  const y = Math.floor(key / 10000);
  const m = Math.floor(key / 100) % 100;
  const d = key % 100;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
