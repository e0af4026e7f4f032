import { columnLookup } from './columnLookup.ts';
import { type Manifest, manifestSchema, type TableSpec } from './manifest.ts';

export interface TestTableParameters {
  /** The file's header names. */
  header: string[];
  /** Table fields beside id, file and sha256 (time, layout, hourColumns, check…). */
  table: Record<string, unknown>;
  label?: 'beginning' | 'ending';
}

export interface TestTableResult {
  manifest: Manifest;
  table: TableSpec;
  columnOf: (name: string) => number;
}

/** For tests of the table readers: a one-table hourly UTC manifest and a column lookup over `header`. */
export function testTable({ header, table, label = 'beginning' }: TestTableParameters): TestTableResult {
  const manifest = manifestSchema.parse({
    name: 't',
    description: 'test table',
    source: 'test',
    citation: 'none',
    licence: 'CC0',
    timezone: 'UTC',
    time: { clock: 'utc', label },
    tables: [{ id: 't', file: 'f.csv', sha256: '0'.repeat(64), ...table }],
    columns: [{ name: 'v', unit: 'kW', from: { table: 't', field: 'v' } }],
  });
  return { manifest, table: manifest.tables[0]!, columnOf: columnLookup({ header, file: 'f.csv', where: 'test' }) };
}
