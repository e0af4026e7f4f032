import { readFileSync } from 'node:fs';
import { fromCSV } from 'arquero';
import { RunDirectoryError } from '../errors.ts';

export interface ReadCsvColumnsParameters {
  /** Absolute path of the CSV file. */
  path: string;
  /** Columns that must be in the header. */
  required: readonly string[];
}

export interface ReadCsvColumnsResult {
  /** Column name → cell texts (null for an empty cell), in file order. */
  columns: Map<string, readonly (string | null)[]>;
  rows: number;
}

const HINT = 'Regenerate the run directory with `peaklab run`; its format is in docs/run-directory.md.';

/** Reads a CSV of the run directory as text columns (no type guessing: token amounts stay exact strings). */
export function readCsvColumns({ path, required }: ReadCsvColumnsParameters): ReadCsvColumnsResult {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new RunDirectoryError(`Cannot read ${path}`, { details: String(cause), hint: HINT, cause });
  }
  const table = fromCSV(text, { autoType: false });
  const names = table.columnNames();
  const missing = required.filter((c) => !names.includes(c));
  if (missing.length > 0) {
    throw new RunDirectoryError(`${path} lacks column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`, {
      details: `header: ${names.join(',')}`,
      hint: HINT,
    });
  }
  const columns = new Map<string, readonly (string | null)[]>();
  for (const name of names) columns.set(name, table.array(name) as (string | null)[]);
  return { columns, rows: table.numRows() };
}

export interface NumericColumnParameters {
  path: string;
  name: string;
  values: readonly (string | null)[];
  /** Empty cells become NaN instead of an error. */
  allowEmpty?: boolean;
}

/** Parses a text column as numbers; a non-numeric cell is an error naming the file, line and column. */
export function numericColumn({ path, name, values, allowEmpty = false }: NumericColumnParameters): Float64Array {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const cell = values[i];
    if (cell === null || cell.trim() === '') {
      if (!allowEmpty) {
        throw new RunDirectoryError(`${path}: empty ${name}`, { details: `line ${i + 2}, column ${name}`, hint: HINT });
      }
      out[i] = Number.NaN;
      continue;
    }
    const value = Number(cell);
    if (!Number.isFinite(value)) {
      throw new RunDirectoryError(`${path}: ${name} is not a number`, { details: `line ${i + 2}: "${cell}"`, hint: HINT });
    }
    out[i] = value;
  }
  return out;
}
