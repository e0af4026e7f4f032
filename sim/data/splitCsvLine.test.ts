import { describe, expect, it } from 'vitest';
import { splitCsvLine } from './splitCsvLine.ts';

describe('splitCsvLine', () => {
  it('splits on commas and keeps empty and untrimmed cells', () => {
    expect(splitCsvLine('a, b,,c ')).toEqual(['a', ' b', '', 'c ']);
  });

  it('reads quoted cells with commas and doubled quotes', () => {
    expect(splitCsvLine('1,"1,234","say ""hi""",')).toEqual(['1', '1,234', 'say "hi"', '']);
  });
});
