import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RunDirectoryError } from '../errors.ts';
import { numericColumn, readCsvColumns } from './readCsvColumns.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const file = (text: string) => {
  const dir = mkdtempSync(join(tmpdir(), 'peaklab-csv-'));
  dirs.push(dir);
  const path = join(dir, 'timeseries.csv');
  writeFileSync(path, text);
  return path;
};
/** Expects readCsvColumns to throw a RunDirectoryError whose shortMessage matches. */
const expectFailure = (path: string, shortMessage: RegExp) => {
  expect(() => readCsvColumns({ path, required: [] })).toThrow(RunDirectoryError);
  expect(() => readCsvColumns({ path, required: [] })).toThrow(expect.objectContaining({ shortMessage: expect.stringMatching(shortMessage), hint: expect.stringContaining('peaklab run') }));
};

describe('readCsvColumns', () => {
  it('reads text columns, empty cells as null, quoted cells unquoted', () => {
    const path = file('\ufeffconsumerId,token,entitlement\r\n0,"GRID",1000000000000000000000\r\n1,,7\r\n');
    const { columns, rows } = readCsvColumns({ path, required: ['consumerId', 'entitlement'] });
    expect(rows).toBe(2);
    expect(columns.get('token')).toEqual(['GRID', null]);
    expect(columns.get('entitlement')).toEqual(['1000000000000000000000', '7']);
    expect(numericColumn({ path, name: 'consumerId', values: columns.get('consumerId')! })).toEqual(Float64Array.from([0, 1]));
  });

  it('names the file and line of a row with the wrong number of cells, and an empty file', () => {
    expectFailure(file('time,eventActive\n2007-07-01T04:00:00.000Z,0\n\n2007-07-01T06:00:00.000Z,1\n'), /timeseries\.csv:3 has 1 cell, the header 2$/);
    expectFailure(file('time,eventActive\n2007-07-01T04:00:00.000Z,0,1\n'), /timeseries\.csv:2 has 3 cells, the header 2$/);
    expectFailure(file(''), /timeseries\.csv is empty$/);
  });
});
