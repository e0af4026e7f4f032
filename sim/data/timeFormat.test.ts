import { describe, expect, it } from 'vitest';
import { DatasetError } from '../errors.ts';
import { naiveTime, timeFormat } from './timeFormat.ts';

describe('timeFormat', () => {
  it('parses the formats the datasets use', () => {
    const at = (f: string, s: string) => timeFormat({ format: f, where: 'test' })(s);
    expect(at('%Y-%m-%d %H:%M:%S', '2004-12-31 01:00:00')).toBe(Date.UTC(2004, 11, 31, 1));
    expect(at('%d-%m-%Y %H:%M', '31-12-2011 00:00')).toBe(Date.UTC(2011, 11, 31, 0));
    expect(at('%d-%b-%y', '1-Jan-15')).toBe(Date.UTC(2015, 0, 1));
    expect(at('%d%b%Y:%H:%M:%S', '30Jun2008:7:00:00')).toBe(Date.UTC(2008, 5, 30, 7));
    expect(at('%d-%m-%Y %H:%M', '31-12-2011 24:00')).toBe(Date.UTC(2012, 0, 1, 0));
  });

  it('returns NaN for text that does not match or impossible dates', () => {
    const f = timeFormat({ format: '%Y-%m-%d', where: 'test' });
    expect(f('2020/01/01')).toBeNaN();
    expect(f('2021-02-29')).toBeNaN();
    expect(f('2020-13-01')).toBeNaN();
    expect(naiveTime(2020, 2, 29)).toBe(Date.UTC(2020, 1, 29));
  });

  it('rejects unsupported directives', () => {
    expect(() => timeFormat({ format: '%Q', where: 'manifest x' })).toThrow(DatasetError);
  });
});
