import { describe, expect, it } from 'vitest';
import { rowSlots } from './rowSlots.ts';
import { testTable } from './testTable.ts';

const H = 3_600_000;

describe('rowSlots', () => {
  it('gives a long table one record per row, a step earlier for ending labels unless the axis is implicit', () => {
    const datetime = { time: { datetime: { column: 'time', format: '%Y-%m-%d %H:%M' } } };
    expect(rowSlots({ ...testTable({ header: ['time', 'v'], table: datetime, label: 'ending' }), fields: ['v', 'w'] })).toEqual({ offsets: [-H], cells: [-1], names: ['v/w'] });
    expect(rowSlots({ ...testTable({ header: ['v'], table: { time: { start: '2016-07-31 23:00' } }, label: 'ending' }), fields: ['v'] }).offsets).toEqual([0]);
  });

  it('gives a wideHours table one record per hour column', () => {
    const wide = { layout: 'wideHours', hourColumns: { prefix: 'h', first: 1, count: 2 }, time: { year: 'y', month: 'm', day: 'd' } };
    const slots = rowSlots({ ...testTable({ header: ['y', 'm', 'd', 'h2', 'h1'], table: wide, label: 'ending' }), fields: [''] });
    expect(slots).toEqual({ offsets: [0, H], cells: [4, 3], names: ['h1', 'h2'] });
  });
});
