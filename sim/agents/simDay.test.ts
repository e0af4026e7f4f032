import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors.ts';
import { simDay } from './simDay.ts';

describe('simDay', () => {
  it('places a date in the calendar: epoch day, weekday, day type, month length', () => {
    const d = simDay({ date: '2007-07-04' });
    expect(d).toEqual({ epochDay: 13_698, date: '2007-07-04', year: 2007, month: 7, dayOfMonth: 4, daysInMonth: 31, weekday: 3, dayType: 0 });
    expect(simDay({ date: 13_698 })).toEqual(d);
    expect(simDay({ date: '2007-07-04', holiday: true }).dayType).toBe(1);
    expect(simDay({ date: '2007-07-07' }).dayType).toBe(1); // Saturday
    expect(simDay({ date: '2008-02-10' }).daysInMonth).toBe(29);
  });

  it('rejects what is not a calendar date', () => {
    expect(() => simDay({ date: '2007-02-30' })).toThrow(UsageError);
    expect(() => simDay({ date: '07/04/2007' })).toThrow(/not a calendar date/);
  });
});
