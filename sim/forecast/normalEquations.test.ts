import { describe, expect, it } from 'vitest';
import { NormalEquations } from './normalEquations.ts';

describe('NormalEquations', () => {
  it('accumulates X\'X, X\'y, y\'y and count like the batch products', () => {
    const rows = [
      [1, 2, 0],
      [1, -1, 3],
      [1, 0.5, 0.25],
    ];
    const ys = [4, -2, 7];
    const equations = new NormalEquations(3);
    rows.forEach((row, r) => equations.addRow(row, ys[r]));
    for (let a = 0; a < 3; a++) {
      for (let b = 0; b < 3; b++) {
        const expected = rows.reduce((sum, row) => sum + row[a] * row[b], 0);
        expect(equations.xtx[a * 3 + b]).toBeCloseTo(expected, 12);
      }
      expect(equations.xty[a]).toBeCloseTo(rows.reduce((sum, row, r) => sum + row[a] * ys[r], 0), 12);
    }
    expect(equations.yty).toBeCloseTo(16 + 4 + 49, 12);
    expect(equations.count).toBe(3);
  });

  it('gives the same sums for a sparse row as for its dense form', () => {
    const dense = new NormalEquations(5);
    const sparse = new NormalEquations(5);
    dense.addRow([1, 0, 2.5, 0, -1], 3);
    sparse.addSparseRow(Int32Array.from([4, 0, 2]), Float64Array.from([-1, 1, 2.5]), 3, 3);
    expect(Array.from(sparse.xtx)).toEqual(Array.from(dense.xtx));
    expect(Array.from(sparse.xty)).toEqual(Array.from(dense.xty));
  });
});
