import { describe, expect, it } from 'vitest';
import { parseCsv } from './parseCsv.ts';

describe('parseCsv', () => {
  it('trims header names and keeps line numbers (CRLF, BOM, trailing blank lines)', () => {
    const { header, lines } = parseCsv({ text: '\ufeff time , "load, kW"\r\n1,2\r\n\r\n3,4\r\n\r\n' });
    expect(header).toEqual(['time', 'load, kW']);
    expect(lines).toEqual([' time , "load, kW"', '1,2', '', '3,4']);
  });

  it('has no header for an empty text', () => {
    expect(parseCsv({ text: '\n\n' })).toEqual({ header: [], lines: [] });
  });
});
