/**
 * Sufficient statistics of a least-squares problem, accumulated one row at a time:
 * X'X (full symmetric, row-major), X'y, y'y and the number of rows.
 * Adding rows day by day and solving at each origin gives exactly the batch fit on all rows so far.
 */
export class NormalEquations {
  readonly size: number;
  readonly xtx: Float64Array;
  readonly xty: Float64Array;
  yty = 0;
  count = 0;

  constructor(size: number) {
    this.size = size;
    this.xtx = new Float64Array(size * size);
    this.xty = new Float64Array(size);
  }

  /** Adds one row given as `nnz` (index, value) pairs; indices may repeat (values then add up). */
  addSparseRow(indices: Int32Array, values: Float64Array, nnz: number, y: number): void {
    const n = this.size;
    const xtx = this.xtx;
    for (let p = 0; p < nnz; p++) {
      const a = indices[p];
      const va = values[p];
      if (va === 0) continue;
      this.xty[a] += va * y;
      const rowOffset = a * n;
      for (let q = 0; q < nnz; q++) xtx[rowOffset + indices[q]] += va * values[q];
    }
    this.yty += y * y;
    this.count += 1;
  }

  /** Adds one dense row `x` (length `size`). */
  addRow(x: ArrayLike<number>, y: number): void {
    const n = this.size;
    for (let a = 0; a < n; a++) {
      const va = x[a];
      if (va === 0) continue;
      this.xty[a] += va * y;
      const rowOffset = a * n;
      for (let b = 0; b < n; b++) this.xtx[rowOffset + b] += va * x[b];
    }
    this.yty += y * y;
    this.count += 1;
  }
}
