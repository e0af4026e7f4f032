import { describe, expect, it } from 'vitest';
import { simDay } from '../agents/index.ts';
import { loadDataset, subsetsDir } from '../data/index.ts';
import { alignedSeries } from './alignedSeries.ts';

describe('alignedSeries', () => {
  it('maps 2007 days onto the 2017 prices by day of year and weekday, and says so', async () => {
    const { frame } = await loadDataset({ name: 'pjm_comed_dayahead_price_epftoolbox', dataRoot: subsetsDir, manifestDir: subsetsDir });
    const price = frame.roles.price!;
    const days = ['2007-07-09', '2007-07-10'].map((date) => simDay({ date }).epochDay); // Monday, Tuesday
    const { values, yearMap, shifted } = alignedSeries({ frame, column: price, epochDays: days });
    expect(shifted).toBe(true);
    expect(yearMap).toEqual({ 2007: 2017 });
    // 2017-07-09 is a Sunday: the Monday nearest the same day of year is 2017-07-10
    const column = frame.columns.get(price)!;
    const at = (y: number, m: number, d: number, h: number) => {
      for (let i = 0; i < frame.length; i++) if (frame.calendar.year[i] === y && frame.calendar.month[i] === m && frame.calendar.day[i] === d && frame.calendar.hour[i] === h) return column[i]!;
      return Number.NaN;
    };
    expect(values[17]).toBe(at(2017, 7, 10, 17));
    expect(values[24 + 17]).toBe(at(2017, 7, 11, 17));
    expect(values.every(Number.isFinite)).toBe(true);
  });
});
