import { readFileSync } from 'node:fs';
import { parseCsv, splitCsvLine } from '../data/index.ts';
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

/**
 * Reads a CSV of the run directory as text columns with the project's CSV reader (sim/data `parseCsv`;
 * no type guessing: token amounts stay exact strings). Every line must have one cell per header name.
 */
export function readCsvColumns({ path, required }: ReadCsvColumnsParameters): ReadCsvColumnsResult {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new RunDirectoryError(`Cannot read ${path}`, { details: String(cause), hint: HINT, cause });
  }
  const { header: names, lines } = parseCsv({ text });
  if (lines.length === 0) throw new RunDirectoryError(`${path} is empty`, { details: 'a CSV of the run directory starts with a header line', hint: HINT });
  const missing = required.filter((c) => !names.includes(c));
  if (missing.length > 0) {
    throw new RunDirectoryError(`${path} lacks column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`, {
      details: `header: ${names.join(',')}`,
      hint: HINT,
    });
  }
  const cells = names.map((): (string | null)[] => []);
  for (let i = 1; i < lines.length; i++) {
    const row = splitCsvLine(lines[i]!);
    if (row.length !== names.length) {
      throw new RunDirectoryError(`${path}:${i + 1} has ${row.length} cell${row.length === 1 ? '' : 's'}, the header ${names.length}`, {
        details: `line ${i + 1}: "${lines[i]!.slice(0, 120)}"`,
        hint: HINT,
      });
    }
    row.forEach((cell, c) => cells[c]!.push(cell === '' ? null : cell));
  }
  const columns = new Map<string, readonly (string | null)[]>();
  names.forEach((name, c) => columns.set(name, cells[c]!));
  return { columns, rows: lines.length - 1 };
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
