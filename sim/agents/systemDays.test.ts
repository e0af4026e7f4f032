import { describe, expect, it } from 'vitest';
import { DatasetError } from '../errors.ts';
import { loadDataset, subsetsDir } from '../data/index.ts';
import { systemDays } from './systemDays.ts';

describe('systemDays', async () => {
  const { frame } = await loadDataset({ name: 'gefcom2012', dataRoot: subsetsDir, manifestDir: subsetsDir });

  it('lays the GEFCom2012 system series out as local days × 24 hours with station-mean temperature in °C', () => {
    const s = systemDays({ frame, start: '2007-07-01', end: '2007-07-31', holidays: new Set(['2007-07-04']) });
    expect(s.days).toHaveLength(31);
    expect(s.load).toHaveLength(31 * 24);
    expect(s.loadUnit).toBe('kW');
    expect(s.days[3]!.dayType).toBe(1); // the holiday takes the weekend shape
    expect(s.days[2]!.dayType).toBe(0);
    expect(s.load.every((x) => x > 0)).toBe(true);
    // Summer in the US East: warm, hotter in the afternoon than before dawn.
    const mean = (h: number) => s.days.reduce((a, _, d) => a + s.temperatureC[d * 24 + h]!, 0) / 31;
    expect(mean(15)).toBeGreaterThan(mean(5) + 4);
    expect(mean(15)).toBeGreaterThan(22);
    expect(mean(15)).toBeLessThan(35);
    // The same instant read straight from the frame.
    const i = Array.from(frame.time).findIndex((_, k) => frame.calendar.year[k] === 2007 && frame.calendar.month[k] === 7 && frame.calendar.day[k] === 10 && frame.calendar.hour[k] === 17);
    expect(s.load[9 * 24 + 17]).toBe(frame.columns.get('load')![i]);
  });

  it('fills the spring-forward hour and fails outside the data', () => {
    const s = systemDays({ frame, start: '2007-03-11', end: '2007-03-11' });
    expect(s.load[2]).toBe(s.load[1]);
    expect(() => systemDays({ frame, start: '2009-01-01', end: '2009-01-02' })).toThrow(DatasetError);
  });
});
