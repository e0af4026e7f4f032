import { describe, expect, it } from 'vitest';
import { findBaselineMethod } from './baselineMethods.ts';
import { computeBaselineDetailed } from './computeBaseline.ts';
import { dayKeyOf, dayTable, intervalAtHour, isoDateOf } from './dayTable.ts';
import { testFrame, testHistory } from './testSupport.ts';

// Europe/London, 2024-03-01 … (clocks go forward on Sunday 2024-03-31: that day has 23 hours).
// Load = local hour of day, so a baseline aligned on local hours is exactly 14, 15, 16, 17.
const frame = testFrame({ start: '2024-03-01', days: 40, timezone: 'Europe/London', columns: { load: (_d, hour) => hour } });

describe('dayTable', () => {
  it('splits the frame into local days, 23 hours on the spring-forward day', () => {
    const days = dayTable({ calendar: frame.calendar, length: frame.length });
    const d = days.key.indexOf(20240331);
    expect(days.length[d]).toBe(23);
    expect(days.length[d - 1]).toBe(24);
    expect(intervalAtHour(days, frame.calendar, d, 1)).toBe(-1);
    expect(intervalAtHour(days, frame.calendar, d, 2)).toBe(days.start[d]! + 1);
    expect(isoDateOf(dayKeyOf('2024-03-31'))).toBe('2024-03-31');
    expect(Number.isNaN(dayKeyOf('31/03/2024'))).toBe(true);
  });

  it('aligns baseline days on local clock hours across a DST change', () => {
    // Wed 2024-04-03 14:00 BST = 13:00 UTC; its 10 like days straddle the change (GMT before 03-31).
    const start = Date.UTC(2024, 3, 3, 13);
    const r = computeBaselineDetailed({
      spec: findBaselineMethod({ ref: 'caiso-10-in-10' }).spec,
      history: testHistory({ frame, decisionTime: start }),
      column: 'load',
      event: { start, durationHours: 4 },
    });
    expect(r.days).toContain('2024-03-22');
    expect([...r.values]).toEqual([14, 15, 16, 17]);
  });
});
