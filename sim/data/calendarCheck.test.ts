import { describe, expect, it } from 'vitest';
import { calendarCheck } from './calendarCheck.ts';
import { testTable } from './testTable.ts';

describe('calendarCheck', () => {
  const implicit = { time: { start: '2016-08-01 00:00' }, check: { month: 'month', hour: 'hour', weekday: { column: 'day_type', monday: 1 } } };

  it('says which calendar column disagrees with the placed time (hour read as ending)', () => {
    const check = calendarCheck(testTable({ header: ['month', 'hour', 'day_type', 'v'], table: implicit, label: 'ending' }))!;
    const monday1am = Date.UTC(2016, 7, 1, 0);
    expect(check(['8', '1', '1', '5'], monday1am)).toEqual([]);
    expect(check(['9', '1', '2', '5'], monday1am)).toEqual(['month=9 but placed in month 8', 'day_type=2 but placed on weekday 1']);
  });

  it('is absent without an implicit axis', () => {
    const explicit = { ...implicit, time: { datetime: { column: 't', format: '%Y-%m-%d %H:%M' } } };
    expect(calendarCheck(testTable({ header: ['t', 'month', 'hour', 'day_type', 'v'], table: explicit }))).toBeUndefined();
  });
});
