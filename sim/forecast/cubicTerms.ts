import type { SparseRow } from './design.ts';

/**
 * Writes the powers x, x², x³ of one (scaled) temperature variable into `row` at positions k, k+1, k+2, as the
 * columns `column`, `column + 1`, `column + 2`; returns the next free position.
 */
export function cubicTerms(row: SparseRow, k: number, column: number, x: number): number {
  const x2 = x * x;
  row.indices[k] = column;
  row.values[k] = x;
  row.indices[k + 1] = column + 1;
  row.values[k + 1] = x2;
  row.indices[k + 2] = column + 2;
  row.values[k + 2] = x2 * x;
  return k + 3;
}
