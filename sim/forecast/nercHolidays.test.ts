import { describe, expect, it } from 'vitest';
import { nercHolidays } from './nercHolidays.ts';
import { syntheticFrame } from './testing/syntheticFrame.ts';
import { localDate } from './backtestForecast.ts';

function holidayDates(startDate: string, days: number): string[] {
  const frame = syntheticFrame({ days, seed: 'h', startDate, load: () => 1 });
  const flags = nercHolidays({ calendar: frame.calendar });
  const dates = new Set<string>();
  for (let i = 0; i < frame.length; i++) if (flags[i] === 1) dates.add(localDate(frame, i));
  return [...dates];
}

describe('nercHolidays', () => {
  it('flags the six NERC holidays of 2007 (every hour of the day)', () => {
    expect(holidayDates('2007-01-01', 365)).toEqual(['2007-01-01', '2007-05-28', '2007-07-04', '2007-09-03', '2007-11-22', '2007-12-25']);
  });

  it('moves a Sunday holiday to Monday but keeps Saturday ones', () => {
    // 2011-12-25 is a Sunday (observed Mon 26th); 2010-12-25 and 2011-01-01 are Saturdays.
    expect(holidayDates('2010-12-20', 14)).toEqual(['2010-12-25', '2011-01-01']);
    expect(holidayDates('2011-12-20', 10)).toEqual(['2011-12-25', '2011-12-26']);
  });
});
