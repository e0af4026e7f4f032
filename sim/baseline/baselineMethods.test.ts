/**
 * A hand-computed example for every preset. The fixture (2023-12-01 … 2024-01-29, UTC):
 *   load(date, hour) = level(date) × (2 during hours 14–17, else 1), level = day of month unless overridden,
 *   holidays: 2024-01-01; prior program event: 2024-01-10 (level 1000: any use of it would show).
 * The event is 14:00–18:00 (4 h). On the event day the load before 14:00 is set per test (the adjustment
 * window) and the event hours hold 1e6 — never visible, since the history is gated at the event start.
 */
import { describe, expect, it } from 'vitest';
import { BASELINE_METHODS, findBaselineMethod } from './baselineMethods.ts';
import { computeBaselineDetailed } from './computeBaseline.ts';
import { baselineReadWindow } from './baselineReadWindow.ts';
import { testFrame, testHistory, utc } from './testSupport.ts';
import { LookAheadError, UsageError } from '../errors.ts';

const holidays = ['2024-01-01'];
const eventDays = ['2024-01-10'];

interface Fixture {
  eventDate: string;
  /** Event-day load before the event (and after it, for Same Day). */
  eventDay: (hour: number) => number;
  levels?: Record<string, number>;
  temperature?: (date: string, hour: number) => number;
}

function run(method: string, { eventDate, eventDay, levels = {}, temperature }: Fixture, gateHour = 14) {
  const frame = testFrame({
    start: '2023-12-01',
    days: 60,
    columns: {
      load: (date, hour) => {
        if (date === eventDate) return hour >= 14 && hour < 18 ? 1e6 : eventDay(hour);
        const level = date === '2024-01-10' ? 1000 : (levels[date] ?? Number(date.slice(8, 10)));
        return level * (hour >= 14 && hour < 18 ? 2 : 1);
      },
      temp: (date, hour) => temperature?.(date, hour) ?? 10,
    },
    temperature: ['temp'],
    units: { load: 'kWh', temp: 'degC' },
  });
  const history = testHistory({ frame, decisionTime: utc(eventDate, gateHour), exogenous: ['temp'] });
  return computeBaselineDetailed({
    spec: findBaselineMethod({ ref: method }).spec,
    history,
    column: 'load',
    event: { start: utc(eventDate, 14), durationHours: 4 },
    eventDays,
    holidays,
  });
}

const close = (values: Float64Array, expected: readonly number[]) => {
  expect(values.length).toBe(expected.length);
  expected.forEach((v, k) => expect(values[k]).toBeCloseTo(v, 9));
};

describe('BASELINE_METHODS registry', () => {
  it('has unique uint8 ids and names, each spec valid', () => {
    const ids = BASELINE_METHODS.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(BASELINE_METHODS.map((m) => m.name)).size).toBe(ids.length);
    for (const m of BASELINE_METHODS) {
      expect(m.id).toBeGreaterThanOrEqual(1);
      expect(m.id).toBeLessThanOrEqual(255);
      expect(m.source.length).toBeGreaterThan(10);
    }
    expect(findBaselineMethod({ ref: 3 }).name).toBe('pjm-high-4-of-5');
    expect(findBaselineMethod({ ref: 'pjm-high-4-of-5' }).id).toBe(3);
    expect(() => findBaselineMethod({ ref: 'caiso-11-in-10' })).toThrow(UsageError);
  });
});

describe('presets, hand-computed', () => {
  it('caiso-10-in-10: weekday mean of 10 days, ratio adjustment capped at 1.2', () => {
    // Prior weekdays back from Wed 2024-01-17, skipping 01-10 (event) and 01-01 (holiday):
    // 16,15,12,11,9,8,5,4,3,2 → mean level 8.5; event hours ×2 → 17; window (10–12 h) base 8.5.
    // Actual window 11.05 → ratio 1.3 → capped 1.2 → 17 × 1.2 = 20.4.
    const r = run('caiso-10-in-10', { eventDate: '2024-01-17', eventDay: () => 11.05 });
    expect(r.days).toEqual(['2024-01-16', '2024-01-15', '2024-01-12', '2024-01-11', '2024-01-09', '2024-01-08', '2024-01-05', '2024-01-04', '2024-01-03', '2024-01-02']);
    expect(r.adjustment).toMatchObject({ kind: 'ratio', baselineWindowMean: 8.5, applied: 1.2, capped: true });
    close(r.values, [20.4, 20.4, 20.4, 20.4]);
  });

  it('caiso-10-in-10 on a Saturday: 4 of 4 weekend days', () => {
    // Sat 2024-01-20: like days Sun 14, Sat 13, Sun 7, Sat 6 → mean 10 → 20; window actual 10.5 → ×1.05 → 21.
    const r = run('caiso-10-in-10', { eventDate: '2024-01-20', eventDay: () => 10.5 });
    expect(r.days).toEqual(['2024-01-14', '2024-01-13', '2024-01-07', '2024-01-06']);
    close(r.values, [21, 21, 21, 21]);
  });

  it('caiso-5-in-10-residential: highest 5 of 10, ratio within ±40%', () => {
    // Highest 5 of (16,15,12,11,9,8,5,4,3,2) = 16,15,12,11,9 → mean 12.6 → 25.2; ratio 11.05/12.6 = 0.877 (uncapped)
    // → 25.2 × 11.05 / 12.6 = 22.1.
    const r = run('caiso-5-in-10-residential', { eventDate: '2024-01-17', eventDay: () => 11.05 });
    expect(r.days).toEqual(['2024-01-16', '2024-01-15', '2024-01-12', '2024-01-11', '2024-01-09']);
    expect(r.adjustment?.capped).toBe(false);
    close(r.values, [22.1, 22.1, 22.1, 22.1]);
  });

  it('pjm-high-4-of-5: low-usage day replaced, high 4, symmetric additive adjustment', () => {
    // 01-15 level 2. First 5 candidates 16,15(2),12,11,9 → mean 10 → threshold 2.5 → 01-15 dropped;
    // 5 days: 16,12,11,9,8 → high 4: 16,12,11,9 → mean 12 → 24. Window base 12, actual 13 → +1 → 25.
    const r = run('pjm-high-4-of-5', { eventDate: '2024-01-17', eventDay: () => 13, levels: { '2024-01-15': 2 } });
    expect(r.days).toEqual(['2024-01-16', '2024-01-12', '2024-01-11', '2024-01-09']);
    expect(r.adjustment).toMatchObject({ kind: 'additive', applied: 1 });
    close(r.values, [25, 25, 25, 25]);
  });

  it('pjm-high-4-of-5 on a Saturday: high 2 of 3 weekend days', () => {
    // Sat 2024-01-20: like days 14, 13, 7 → high 2: 14, 13 → 13.5 → 27; window base 13.5, actual 12.5 → −1 → 26.
    const r = run('pjm-high-4-of-5', { eventDate: '2024-01-20', eventDay: () => 12.5 });
    expect(r.days).toEqual(['2024-01-14', '2024-01-13']);
    close(r.values, [26, 26, 26, 26]);
  });

  it('pjm-same-day-3-2: mean of hours 10–12 and 19–20, only at settlement', () => {
    // Event-day hours 10,11,12 = 6,7,8 and 19,20 = 4,5 (13 and 18 are the gaps: 1e9, unused) → 30/5 = 6.
    const eventDay = (h: number) => ({ 10: 6, 11: 7, 12: 8, 19: 4, 20: 5 } as Record<number, number>)[h] ?? 1e9;
    expect(() => run('pjm-same-day-3-2', { eventDate: '2024-01-17', eventDay })).toThrow(LookAheadError);
    const settlement = baselineReadWindow({ spec: findBaselineMethod({ ref: 'pjm-same-day-3-2' }).spec, event: { start: utc('2024-01-17', 14), durationHours: 4 } });
    expect(settlement.settlementTime).toBe(utc('2024-01-17', 21));
    const r = run('pjm-same-day-3-2', { eventDate: '2024-01-17', eventDay }, 21);
    close(r.values, [6, 6, 6, 6]);
  });

  it('pjm-match-day: the like day with the closest daily max temperature', () => {
    // Event day max 25 °C; 01-09 max 24 (|1|), 01-12 max 27 (|2|), 01-10 max 25 but an event day → 01-09,
    // level 9 → 18 in event hours, no adjustment.
    const maxima: Record<string, number> = { '2024-01-17': 25, '2024-01-09': 24, '2024-01-12': 27, '2024-01-10': 25 };
    const r = run('pjm-match-day', { eventDate: '2024-01-17', eventDay: () => 5, temperature: (d, h) => (h === 15 ? (maxima[d] ?? 10) : 8) });
    expect(r.days).toEqual(['2024-01-09']);
    close(r.values, [18, 18, 18, 18]);
  });

  it('nyiso-average-day: 5 highest of 10 after the low-usage rule, ratio bounded 0.8–1.2', () => {
    // 10 recent weekdays 16,15,12,11,9,8,5,4,3,2 → mean 8.5 → threshold 2.125 → 01-02 (2) dropped, 2023-12-29 (29)
    // enters. Highest 5: 29,16,15,12,11 → 16.6 → 33.2. Window = hours 10–11: actual 21.58 → ratio 1.3 → 1.2 → 39.84.
    const r = run('nyiso-average-day', { eventDate: '2024-01-17', eventDay: () => 21.58 });
    expect(r.days).toEqual(['2024-01-16', '2024-01-15', '2024-01-12', '2024-01-11', '2023-12-29']);
    expect(r.adjustment).toMatchObject({ applied: 1.2, capped: true });
    close(r.values, [39.84, 39.84, 39.84, 39.84]);
  });

  it('ercot-middle-8-of-10: drops the highest and lowest, uncapped scalar', () => {
    // 16,15,12,11,9,8,5,4,3,2 minus 16 and 2 → mean 67/8 = 8.375 → 16.75; actual window 16.75 → ratio 2 → 33.5.
    const r = run('ercot-middle-8-of-10', { eventDate: '2024-01-17', eventDay: () => 16.75 });
    expect(r.days).toEqual(['2024-01-15', '2024-01-12', '2024-01-11', '2024-01-09', '2024-01-08', '2024-01-05', '2024-01-04', '2024-01-03']);
    expect(r.adjustment).toMatchObject({ applied: 2, capped: false });
    close(r.values, [33.5, 33.5, 33.5, 33.5]);
  });

  it('isone-90-10: 90/10 exponential update, event days do not update, additive adjustment', () => {
    // Weekday levels 10 except 01-15 and 01-16 = 20. Init (oldest 10 weekdays) = 10 → event hours 20.
    // 01-15: 0.9·20 + 0.1·40 = 22; 01-16: 0.9·22 + 0.1·40 = 23.8. Window: 10 → 11 → 11.9.
    // Actual window 12.4 → +0.5 → 24.3. (01-10 = 1000 is an event day and is skipped.)
    const levels: Record<string, number> = {};
    for (let d = 1; d <= 31; d++) levels[`2023-12-${String(d).padStart(2, '0')}`] = 10;
    for (let d = 1; d <= 16; d++) levels[`2024-01-${String(d).padStart(2, '0')}`] = d >= 15 ? 20 : 10;
    const r = run('isone-90-10', { eventDate: '2024-01-17', eventDay: () => 12.4, levels });
    expect(r.adjustment).toMatchObject({ kind: 'additive' });
    expect(r.adjustment?.baselineWindowMean).toBeCloseTo(11.9, 9);
    close(r.values, [24.3, 24.3, 24.3, 24.3]);
  });

  it('isone-90-10 keeps Saturdays apart from Sundays', () => {
    // Sat 2024-01-20: Saturdays only (12-02, 09, 16, 23, 30, 01-06, 13 = 7 days) < initDays 10 → insufficient.
    const r = run('isone-90-10', { eventDate: '2024-01-20', eventDay: () => 5 });
    expect(r.insufficient).toMatch(/only 7 like days/);
    expect(Number.isNaN(r.values[0])).toBe(true);
  });

  it('uk-dfs: 10 working days, additive in-day adjustment over the 3 hours before the event', () => {
    // Mean 8.5 → 17; window 11–13 h base 8.5, actual 10 → +1.5 → 18.5.
    const r = run('uk-dfs', { eventDate: '2024-01-17', eventDay: () => 10 });
    expect(r.adjustment).toMatchObject({ kind: 'additive', applied: 1.5 });
    close(r.values, [18.5, 18.5, 18.5, 18.5]);
  });

  it('towt-regression: recovers an exact time-of-week + temperature model', () => {
    // load = 2 + 3·[9 ≤ hour < 17] + 0.5·T with T ∈ 5..9 °C (below the first knot, 12.78 °C) varying by hour and day.
    // At the event T = 10 °C: hours 14,15,16 → 2 + 3 + 5 = 10; hour 17 → 2 + 5 = 7.
    const temp = (date: string, hour: number) => (date === '2024-01-17' && hour >= 14 ? 10 : 5 + ((Number(date.slice(8, 10)) * 7 + hour) % 5));
    const frame = testFrame({
      start: '2023-12-01', days: 60,
      columns: {
        load: (date, hour) => (date === '2024-01-17' && hour >= 14 ? 1e6 : 2 + (hour >= 9 && hour < 17 ? 3 : 0) + 0.5 * temp(date, hour)),
        temp,
      },
      temperature: ['temp'], units: { temp: 'degC' },
    });
    const r = computeBaselineDetailed({
      spec: findBaselineMethod({ ref: 'towt-regression' }).spec,
      history: testHistory({ frame, decisionTime: utc('2024-01-17', 14), exogenous: ['temp'] }),
      column: 'load', event: { start: utc('2024-01-17', 14), durationHours: 4 }, eventDays, holidays,
    });
    close(r.values.map((v) => Math.round(v * 1e6) / 1e6), [10, 10, 10, 7]);
  });
});
