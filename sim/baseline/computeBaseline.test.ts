/**
 * The look-ahead guard and input checks of computeBaseline. Fixture: 90 days from 2023-10-02, load =
 * 10 + (hour-of-day bump) + day-of-month/10, temperature 5..15 °C; the event day is 2023-12-20 14:00–18:00.
 */
import { describe, expect, it } from 'vitest';
import { LookAheadError, UsageError } from '../errors.ts';
import { BASELINE_METHODS, findBaselineMethod } from './baselineMethods.ts';
import { baselineReadWindow } from './baselineReadWindow.ts';
import { computeBaseline, computeBaselineDetailed } from './computeBaseline.ts';
import { testFrame, testHistory, utc } from './testSupport.ts';

const load = (date: string, hour: number) => 10 + (hour >= 8 && hour < 18 ? 5 : 0) + Number(date.slice(8, 10)) / 10;
const temp = (date: string, hour: number) => 5 + ((Number(date.slice(8, 10)) + hour) % 11);
const event = { start: utc('2023-12-20', 14), durationHours: 4 };

function frameWith(after: (date: string, hour: number) => number) {
  return testFrame({
    start: '2023-10-02', days: 90,
    columns: { load: (d, h) => (utc(d, h) >= event.start ? after(d, h) : load(d, h)), temp },
    temperature: ['temp'], units: { temp: 'degC' },
  });
}

describe('computeBaseline look-ahead guard', () => {
  const eventIndex = (event.start - utc('2023-10-02')) / 3_600_000;

  it.each(BASELINE_METHODS.filter((m) => m.spec.kind !== 'sameDay').map((m) => [m.name, m] as const))(
    '%s never reads load at or after the event start, even through a later gate',
    (_name, method) => {
      // Gate at the end of the data: the history would let the method read the event hours, but it must not.
      const honest = frameWith(load);
      const poisoned = frameWith(() => 1e9);
      const run = (frame: ReturnType<typeof frameWith>) => {
        const history = testHistory({ frame, decisionTime: utc('2024-01-01'), exogenous: ['temp'] });
        const values = computeBaseline({ spec: method.spec, history, column: 'load', event });
        return { values, maxRead: history.maxRead.get('load') ?? 0, maxTemp: history.maxRead.get('temp') ?? 0 };
      };
      const a = run(honest);
      const b = run(poisoned);
      expect(a.maxRead).toBeLessThanOrEqual(eventIndex);
      expect(a.maxTemp).toBeLessThanOrEqual(eventIndex);
      expect(a.values.every(Number.isFinite)).toBe(true);
      expect([...b.values]).toEqual([...a.values]);
    },
  );

  it('refuses a history gated before the method can be computed', () => {
    const frame = frameWith(load);
    const early = testHistory({ frame, decisionTime: event.start - 3_600_000, exogenous: ['temp'] });
    expect(() => computeBaseline({ spec: findBaselineMethod({ ref: 'caiso-10-in-10' }).spec, history: early, column: 'load', event })).toThrow(LookAheadError);
    const atStart = testHistory({ frame, decisionTime: event.start, exogenous: ['temp'] });
    expect(() => computeBaseline({ spec: findBaselineMethod({ ref: 'pjm-same-day-3-2' }).spec, history: atStart, column: 'load', event })).toThrow(/settlementTime/);
  });

  it('PJM Same Day reads exactly up to its declared settlement time and not the event hours', () => {
    const spec = findBaselineMethod({ ref: 'pjm-same-day-3-2' }).spec;
    const window = baselineReadWindow({ spec, event });
    expect(window.readsAfterEventStart).toBe(true);
    expect(window.loadRanges).toEqual([
      { from: event.start - 4 * 3_600_000, to: event.start - 3_600_000 },
      { from: event.start + 5 * 3_600_000, to: event.start + 7 * 3_600_000 },
    ]);
    // Event hours poisoned: the result must not move.
    const poisoned = testFrame({
      start: '2023-10-02', days: 90,
      columns: { load: (d, h) => (d === '2023-12-20' && h >= 14 && h < 18 ? 1e9 : load(d, h)), temp },
    });
    const history = testHistory({ frame: poisoned, decisionTime: window.settlementTime });
    const values = computeBaseline({ spec, history, column: 'load', event });
    // Hours 10,11,12 and 19,20 of 2023-12-20: 17, 17, 17 (15 + 20/10) and 12, 12 (10 + 2) → 75/5 = 15.
    expect(values[0]).toBeCloseTo(15, 10);
    expect(history.maxRead.get('load')).toBe(window.settlementTime / 3_600_000 - utc('2023-10-02') / 3_600_000);
  });

  it('needs the temperature as a declared exogenous input for weather methods', () => {
    const frame = frameWith(load);
    const history = testHistory({ frame, decisionTime: event.start });
    expect(() => computeBaseline({ spec: findBaselineMethod({ ref: 'towt-regression' }).spec, history, column: 'load', event })).toThrow(LookAheadError);
    const noTemp = testFrame({ start: '2023-10-02', days: 90, columns: { load } });
    expect(() =>
      computeBaseline({ spec: findBaselineMethod({ ref: 'pjm-match-day' }).spec, history: testHistory({ frame: noTemp, decisionTime: event.start }), column: 'load', event }),
    ).toThrow(UsageError);
  });
});

describe('computeBaseline input checks', () => {
  const frame = frameWith(load);
  const history = testHistory({ frame, decisionTime: utc('2024-01-01') });
  const spec = findBaselineMethod({ ref: 'caiso-10-in-10' }).spec;

  it('rejects events off the hourly grid or outside the data', () => {
    expect(() => computeBaseline({ spec, history, column: 'load', event: { start: event.start + 60_000, durationHours: 4 } })).toThrow(UsageError);
    expect(() => computeBaseline({ spec, history, column: 'load', event: { start: utc('2025-01-01'), durationHours: 4 } })).toThrow(/outside|grid/);
    expect(() => computeBaseline({ spec, history, column: 'load', event: { start: event.start, durationHours: 0 } })).toThrow(UsageError);
  });

  it('rejects malformed dates in exclusion lists', () => {
    expect(() => computeBaseline({ spec, history, column: 'load', event, holidays: ['25/12/2023'] })).toThrow(/YYYY-MM-DD/);
  });

  it('reports why a baseline is missing instead of inventing one', () => {
    const r = computeBaselineDetailed({ spec, history, column: 'load', event: { start: utc('2023-10-10', 14), durationHours: 4 } });
    // Tue 2023-10-10: the frame starts Mon 10-02, so only 10-09, 06, 05, 04, 03, 02 precede it.
    expect(r.insufficient).toMatch(/only 6 of 10 eligible days/);
    expect(r.values.every(Number.isNaN)).toBe(true);
  });
});
