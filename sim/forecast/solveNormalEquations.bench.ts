import seedrandom from 'seedrandom';
import { bench, describe } from 'vitest';
import { NormalEquations } from './normalEquations.ts';
import { solveNormalEquations } from './solveNormalEquations.ts';

/** A well-conditioned random system of `size` columns (intercept first). */
function system(size: number): NormalEquations {
  const rng = seedrandom(`bench-${size}`);
  const equations = new NormalEquations(size);
  const x = new Float64Array(size);
  for (let r = 0; r < size * 3; r++) {
    x[0] = 1;
    for (let j = 1; j < size; j++) x[j] = rng() - 0.5;
    equations.addRow(x, rng());
  }
  return equations;
}

// One solve per origin: vanilla (285 columns), recency-hourly (24 × 248), recency-load (882).
describe('solveNormalEquations', () => {
  const vanilla = system(285);
  const hourly = system(248);
  const pooled = system(882);
  bench('vanilla, 285 columns', () => {
    solveNormalEquations({ equations: vanilla });
  });
  bench('recency-hourly, one of 24 partitions, 248 columns', () => {
    solveNormalEquations({ equations: hourly, ridge: 1e-3 });
  });
  bench('recency-load, 882 columns', () => {
    solveNormalEquations({ equations: pooled, ridge: 1e-4 });
  }, { iterations: 5 });
});
