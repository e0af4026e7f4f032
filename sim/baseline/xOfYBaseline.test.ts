/**
 * Day pools of the X-of-Y family: day types, exclusions, lookback, missing data and tie-breaking.
 * Fixture: 2023-12-01 … 2024-01-29 (UTC), flat load per day = day of month, holiday 2024-01-01;
 * event 14:00–18:00. With x = y = 3 and pick 'all', the baseline is the mean of the three chosen levels.
 */
import { describe, expect, it } from 'vitest';
import { type DayType, parseBaselineMethodSpec } from './baselineMethodSpec.ts';
import { computeBaselineDetailed } from './computeBaseline.ts';
import { testFrame, testHistory, utc } from './testSupport.ts';

interface Options {
  dayType?: DayType;
  eventDays?: string[];
  exclude?: Partial<{ eventDays: boolean; holidays: boolean; dayAfterEvent: boolean }>;
  lookbackDays?: number;
  x?: number;
  y?: number;
  pick?: 'high' | 'middle' | 'all';
  level?: (date: string, hour: number) => number;
}

function run(eventDate: string, { dayType = 'sameType', eventDays = [], exclude = {}, lookbackDays = 45, x = 3, y = 3, pick = 'all', level }: Options = {}) {
  const spec = parseBaselineMethodSpec({
    input: {
      kind: 'XofY', x, y, pick, dayType, lookbackDays,
      exclusions: { eventDays: true, holidays: false, dayAfterEvent: false, lowUsageFraction: null, ...exclude },
      adjustment: { kind: 'none' },
    },
  });
  const frame = testFrame({ start: '2023-12-01', days: 60, columns: { load: level ?? ((date) => Number(date.slice(8, 10))) } });
  return computeBaselineDetailed({
    spec, history: testHistory({ frame, decisionTime: utc(eventDate, 14) }), column: 'load',
    event: { start: utc(eventDate, 14), durationHours: 4 }, eventDays, holidays: ['2024-01-01'],
  });
}

describe('X-of-Y day pools', () => {
  it('excludes event days, and the day after an event when asked', () => {
    expect(run('2024-01-17', { eventDays: ['2024-01-15'] }).days).toEqual(['2024-01-16', '2024-01-12', '2024-01-11']);
    const after = run('2024-01-17', { eventDays: ['2024-01-15'], exclude: { dayAfterEvent: true } });
    expect(after.days).toEqual(['2024-01-12', '2024-01-11', '2024-01-10']);
    expect(after.values[0]).toBeCloseTo(11, 12);
    expect(run('2024-01-17', { eventDays: ['2024-01-15'], exclude: { eventDays: false } }).days).toEqual(['2024-01-16', '2024-01-15', '2024-01-12']);
  });

  it('treats holidays as weekend-type days and drops them when asked', () => {
    // Sat 2024-01-06, weekend pool: Mon 01-01 (holiday), Sun 12-31, Sat 12-30 → 62/3; without holidays: 31, 30, 24.
    const withHoliday = run('2024-01-06', { dayType: 'weekend' });
    expect(withHoliday.days).toEqual(['2024-01-01', '2023-12-31', '2023-12-30']);
    expect(withHoliday.values[0]).toBeCloseTo(62 / 3, 12);
    expect(run('2024-01-06', { dayType: 'weekend', exclude: { holidays: true } }).days).toEqual(['2023-12-31', '2023-12-30', '2023-12-24']);
    // A weekday pool never contains the holiday Monday.
    expect(run('2024-01-03', { dayType: 'weekday' }).days).toEqual(['2024-01-02', '2023-12-29', '2023-12-28']);
  });

  it('selects by day type', () => {
    expect(run('2024-01-20', { dayType: 'weekday' }).days).toEqual(['2024-01-19', '2024-01-18', '2024-01-17']);
    expect(run('2024-01-17', { dayType: 'weekend' }).days).toEqual(['2024-01-14', '2024-01-13', '2024-01-07']);
    expect(run('2024-01-17', { dayType: 'sameType' }).days).toEqual(['2024-01-16', '2024-01-15', '2024-01-12']);
    expect(run('2024-01-20', { dayType: 'weekdaySaturdaySunday' }).days).toEqual(['2024-01-13', '2024-01-06', '2023-12-30']);
    // Sunday pool includes the holiday Monday.
    expect(run('2024-01-21', { dayType: 'weekdaySaturdaySunday' }).days).toEqual(['2024-01-14', '2024-01-07', '2024-01-01']);
  });

  it('stays inside the lookback', () => {
    // 5 days back from Wed 01-17 = 01-12 … 01-16: three weekdays (16, 15, 12).
    expect(run('2024-01-17', { lookbackDays: 5 }).days).toEqual(['2024-01-16', '2024-01-15', '2024-01-12']);
    expect(run('2024-01-17', { lookbackDays: 5, x: 4, y: 4 }).insufficient).toBe('only 3 of 4 eligible days in the 5-day lookback');
  });

  it('skips days with missing load in the event hours', () => {
    const r = run('2024-01-17', { level: (date, hour) => (date === '2024-01-16' && hour === 15 ? Number.NaN : Number(date.slice(8, 10))) });
    expect(r.days).toEqual(['2024-01-15', '2024-01-12', '2024-01-11']);
  });

  it('breaks ties in high/middle picks by recency', () => {
    // All days level 7: the high 2 of 4 are the two most recent.
    expect(run('2024-01-17', { x: 2, y: 4, pick: 'high', level: () => 7 }).days).toEqual(['2024-01-16', '2024-01-15']);
    // Middle 2 of 4 of levels 16, 15, 12, 11 → 15, 12.
    expect(run('2024-01-17', { x: 2, y: 4, pick: 'middle' }).days).toEqual(['2024-01-15', '2024-01-12']);
  });
});
