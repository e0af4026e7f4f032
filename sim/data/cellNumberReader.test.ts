import { describe, expect, it } from 'vitest';
import { cellNumberReader } from './cellNumberReader.ts';
import { CAUSE_MISSING, CAUSE_NON_NUMERIC, CAUSE_OK } from './finding.ts';

describe('cellNumberReader', () => {
  const read = cellNumberReader({ missingValues: ['NA'], thousands: ',' });

  it('reads numbers, with thousands separators and spaces', () => {
    expect(read(' 1,234.5 ')).toEqual([1234.5, CAUSE_OK]);
    expect(read('-3')).toEqual([-3, CAUSE_OK]);
  });

  it('tells a missing cell from text', () => {
    expect(read(undefined)).toEqual([Number.NaN, CAUSE_MISSING]);
    expect(read(' ')).toEqual([Number.NaN, CAUSE_MISSING]);
    expect(read('NA')).toEqual([Number.NaN, CAUSE_MISSING]);
    expect(read('n/a')).toEqual([Number.NaN, CAUSE_NON_NUMERIC]);
    expect(read('Infinity')).toEqual([Number.NaN, CAUSE_NON_NUMERIC]);
  });
});
