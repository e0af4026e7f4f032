import type { Manifest, TableSpec } from './manifest.ts';
import { naiveTime, timeFormat } from './timeFormat.ts';

export interface RowTimeReaderParameters {
  manifest: Manifest;
  table: TableSpec;
  columnOf: (name: string) => number;
  /** Manifest and table (for format errors). */
  where: string;
}

/**
 * How a table's row gives its naive time (wall clock as UTC milliseconds): a datetime column, a date
 * column, year/month/day columns, or the implicit axis (`start` + row index × step), plus the hour
 * column (0..24) when the table has one. The reader returns NaN when the row's time cannot be read.
 */
export function rowTimeReader({ manifest, table, columnOf, where }: RowTimeReaderParameters): (cells: readonly string[], row: number) => number {
  const t = table.time;
  const stepMs = manifest.time.resolutionMinutes * 60_000;
  const dtParse = t.datetime ? timeFormat({ format: t.datetime.format, where }) : undefined;
  const dtCol = t.datetime ? columnOf(t.datetime.column) : -1;
  const dateParse = t.date ? timeFormat({ format: t.date.format, where }) : undefined;
  const dateCol = t.date ? columnOf(t.date.column) : -1;
  const yCol = t.year ? columnOf(t.year) : -1;
  const mCol = t.month ? columnOf(t.month) : -1;
  const dCol = t.day ? columnOf(t.day) : -1;
  const hCol = t.hour ? columnOf(t.hour) : -1;
  const implicitStart = t.start ? implicitStartOf(t.start) : Number.NaN;
  return (cells, row) => {
    let base: number;
    if (dtParse) base = dtParse(cells[dtCol] ?? '');
    else if (dateParse) base = dateParse(cells[dateCol] ?? '');
    else if (yCol >= 0) base = naiveTime(Number(cells[yCol]), Number(cells[mCol]), Number(cells[dCol]));
    else base = implicitStart + row * stepMs;
    if (hCol >= 0) {
      const h = Number(cells[hCol]);
      base = Number.isInteger(h) && h >= 0 && h <= 24 ? base + h * 3_600_000 : Number.NaN;
    }
    return base;
  };
}

/** The implicit axis's `YYYY-MM-DD HH:MM` as naive time (the manifest schema checked its shape). */
function implicitStartOf(start: string): number {
  return Date.UTC(Number(start.slice(0, 4)), Number(start.slice(5, 7)) - 1, Number(start.slice(8, 10)), Number(start.slice(11, 13)), Number(start.slice(14, 16)));
}
