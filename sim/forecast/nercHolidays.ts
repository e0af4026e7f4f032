import type { Calendar } from '../data/types.ts';

export interface NercHolidaysParameters {
  readonly calendar: Calendar;
}

/**
 * Marks every interval whose local day is one of the six NERC holidays, the days North American
 * utilities plan as holidays: New Year's Day, Memorial Day (last Monday of May), Independence Day,
 * Labor Day (first Monday of September), Thanksgiving (fourth Thursday of November) and Christmas Day.
 * A fixed-date holiday on a Sunday is observed on the Monday after (NERC does not move Saturdays).
 * Returns 1/0 per interval.
 */
export function nercHolidays({ calendar }: NercHolidaysParameters): Uint8Array {
  const length = calendar.hour.length;
  const flags = new Uint8Array(length);
  const cache = new Map<number, boolean>();
  for (let i = 0; i < length; i++) {
    const key = calendar.year[i] * 10_000 + calendar.month[i] * 100 + calendar.day[i];
    let isHoliday = cache.get(key);
    if (isHoliday === undefined) {
      isHoliday = isNercHoliday(calendar.year[i], calendar.month[i], calendar.day[i]);
      cache.set(key, isHoliday);
    }
    if (isHoliday) flags[i] = 1;
  }
  return flags;
}

function weekdayOf(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

function nthWeekday(year: number, month: number, weekday: number, n: number): number {
  const first = weekdayOf(year, month, 1);
  return 1 + ((weekday - first + 7) % 7) + (n - 1) * 7;
}

function lastWeekday(year: number, month: number, weekday: number): number {
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const last = weekdayOf(year, month, days);
  return days - ((last - weekday + 7) % 7);
}

function isFixedHoliday(year: number, month: number, day: number, holidayMonth: number, holidayDay: number): boolean {
  if (month === holidayMonth && day === holidayDay) return true;
  // Observed on Monday when it falls on a Sunday.
  if (weekdayOf(year, holidayMonth, holidayDay) !== 0) return false;
  const observed = new Date(Date.UTC(year, holidayMonth - 1, holidayDay + 1));
  return observed.getUTCMonth() + 1 === month && observed.getUTCDate() === day && observed.getUTCFullYear() === year;
}

function isNercHoliday(year: number, month: number, day: number): boolean {
  if (isFixedHoliday(year, month, day, 1, 1)) return true;
  if (isFixedHoliday(year, month, day, 7, 4)) return true;
  if (isFixedHoliday(year, month, day, 12, 25)) return true;
  if (month === 5 && day === lastWeekday(year, 5, 1)) return true;
  if (month === 9 && day === nthWeekday(year, 9, 1, 1)) return true;
  if (month === 11 && day === nthWeekday(year, 11, 4, 4)) return true;
  return false;
}
