import { describe, expect, it } from 'vitest';
import { rowTimeReader } from './rowTimeReader.ts';
import { testTable } from './testTable.ts';

describe('rowTimeReader', () => {
  it('reads a datetime column', () => {
    const read = rowTimeReader({ ...testTable({ header: ['time', 'v'], table: { time: { datetime: { column: 'time', format: '%Y-%m-%d %H:%M' } } } }), where: 'test' });
    expect(read(['2020-03-01 05:00', '1'], 0)).toBe(Date.UTC(2020, 2, 1, 5));
    expect(read(['yesterday', '1'], 0)).toBeNaN();
  });

  it('adds the hour column to year/month/day and rejects hours outside 0..24', () => {
    const read = rowTimeReader({ ...testTable({ header: ['y', 'm', 'd', 'h', 'v'], table: { time: { year: 'y', month: 'm', day: 'd', hour: 'h' } } }), where: 'test' });
    expect(read(['2020', '3', '1', '24', '1'], 0)).toBe(Date.UTC(2020, 2, 2));
    expect(read(['2020', '3', '1', '25', '1'], 0)).toBeNaN();
  });

  it('places rows of an implicit axis one step apart from its start', () => {
    const read = rowTimeReader({ ...testTable({ header: ['v'], table: { time: { start: '2016-07-31 23:00' } } }), where: 'test' });
    expect(read(['1'], 2)).toBe(Date.UTC(2016, 7, 1, 1));
  });
});
