/**
 * Public holidays that baseline rules exclude from (or treat as weekend in) their day pools.
 * - `GB-EAW`: bank holidays of England and Wales (gov.uk/bank-holidays), with substitute days and the
 *   one-off changes of 2011, 2012, 2020, 2022 and 2023.
 * - `US-NERC`: the six NERC holidays that PJM, NYISO and CAISO baseline rules use (New Year's Day, Memorial
 *   Day, Independence Day, Labor Day, Thanksgiving, Christmas), observed on Friday/Monday when on a weekend.
 */
export type HolidayRegion = 'GB-EAW' | 'US-NERC';
export const HOLIDAY_REGIONS: readonly HolidayRegion[] = ['GB-EAW', 'US-NERC'];

export interface HolidaysParameters {
  region: HolidayRegion;
  years: readonly number[];
}

const DAY_MS = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const date = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d);
const weekday = (ms: number) => new Date(ms).getUTCDay();

/** The n-th (1-based) given weekday of a month; n = −1 for the last. */
function nthWeekday(y: number, m: number, wd: number, n: number): number {
  if (n > 0) {
    const first = date(y, m, 1);
    return first + (((wd - weekday(first) + 7) % 7) + (n - 1) * 7) * DAY_MS;
  }
  const last = date(y, m + 1, 1) - DAY_MS;
  return last - ((weekday(last) - wd + 7) % 7) * DAY_MS;
}

/** Gregorian Easter Sunday (anonymous Gregorian algorithm). */
export function easterSunday(y: number): number {
  const a = y % 19;
  const b = Math.floor(y / 100);
  const c = y % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return date(y, month, day);
}

function englandAndWales(y: number): number[] {
  const out: number[] = [];
  const newYear = date(y, 1, 1);
  out.push(weekday(newYear) === 6 ? newYear + 2 * DAY_MS : weekday(newYear) === 0 ? newYear + DAY_MS : newYear);
  const easter = easterSunday(y);
  out.push(easter - 2 * DAY_MS, easter + DAY_MS);
  out.push(y === 2020 ? date(2020, 5, 8) : y === 1995 ? date(1995, 5, 8) : nthWeekday(y, 5, 1, 1));
  if (y === 2012) out.push(date(2012, 6, 4), date(2012, 6, 5));
  else if (y === 2022) out.push(date(2022, 6, 2), date(2022, 6, 3));
  else out.push(nthWeekday(y, 5, 1, -1));
  out.push(nthWeekday(y, 8, 1, -1));
  const christmas = date(y, 12, 25);
  const wd = weekday(christmas);
  if (wd === 6) out.push(christmas + 2 * DAY_MS, christmas + 3 * DAY_MS);
  else if (wd === 0) out.push(christmas + DAY_MS, christmas + 2 * DAY_MS);
  else if (wd === 5) out.push(christmas, christmas + 3 * DAY_MS);
  else out.push(christmas, christmas + DAY_MS);
  if (y === 2011) out.push(date(2011, 4, 29));
  if (y === 2022) out.push(date(2022, 9, 19));
  if (y === 2023) out.push(date(2023, 5, 8));
  return out;
}

function observedUs(ms: number): number {
  const wd = weekday(ms);
  return wd === 6 ? ms - DAY_MS : wd === 0 ? ms + DAY_MS : ms;
}

function usNerc(y: number): number[] {
  return [
    observedUs(date(y, 1, 1)),
    nthWeekday(y, 5, 1, -1),
    observedUs(date(y, 7, 4)),
    nthWeekday(y, 9, 1, 1),
    nthWeekday(y, 11, 4, 4),
    observedUs(date(y, 12, 25)),
  ];
}

/** Sorted, distinct local dates ('YYYY-MM-DD') of the region's holidays in the given years. */
export function holidays({ region, years }: HolidaysParameters): string[] {
  const all = new Set<string>();
  for (const y of [...years].sort((a, b) => a - b)) for (const ms of region === 'GB-EAW' ? englandAndWales(y) : usNerc(y)) all.add(iso(ms));
  return [...all].sort();
}
