import { CAUSE_MISSING, CAUSE_NON_NUMERIC, CAUSE_OK } from './finding.ts';

export interface CellNumberReaderParameters {
  /** Cell texts (after trimming) that mean "no value", e.g. NA. */
  missingValues: readonly string[];
  /** Thousands separator removed before parsing, e.g. ','. */
  thousands?: string;
}

/**
 * How a table's cells become numbers: [value, cause]. An absent, empty or missing-token cell is
 * CAUSE_MISSING, text that is not a finite number CAUSE_NON_NUMERIC (value NaN in both cases).
 */
export function cellNumberReader({ missingValues, thousands }: CellNumberReaderParameters): (cell: string | undefined) => [number, number] {
  const missing = new Set(missingValues);
  return (cell) => {
    if (cell === undefined) return [Number.NaN, CAUSE_MISSING];
    let s = cell.trim();
    if (s === '' || missing.has(s)) return [Number.NaN, CAUSE_MISSING];
    if (thousands !== undefined && s.includes(thousands)) s = s.split(thousands).join('');
    const v = Number(s);
    if (!Number.isFinite(v)) return [Number.NaN, CAUSE_NON_NUMERIC];
    return [v, CAUSE_OK];
  };
}
