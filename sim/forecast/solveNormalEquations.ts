import type { NormalEquations } from './normalEquations.ts';

export interface SolveNormalEquationsParameters {
  readonly equations: NormalEquations;
  /**
   * Ridge strength, dimensionless: coefficient j is penalised by `ridge × Σ(x_j − mean_j)²`, which is
   * ridge regression on standardised columns (invariant to each column's scale). 0 = ordinary least squares.
   * Requires column 0 to be the intercept (all ones); the intercept is never penalised.
   */
  readonly ridge?: number;
  /** Further columns never penalised (besides the intercept). */
  readonly unpenalized?: readonly number[];
  /**
   * A column whose Cholesky pivot falls below `tolerance × its diagonal` is aliased (linearly dependent
   * on earlier columns, or never observed): its coefficient is set to 0, as R's `lm` drops aliased terms.
   */
  readonly tolerance?: number;
}

export interface SolveNormalEquationsResult {
  readonly coefficients: Float64Array;
  /** Indices of columns dropped as aliased. */
  readonly aliased: readonly number[];
}

/**
 * Solves (X'X + P) β = X'y by a Cholesky factorisation (Cholesky–Banachiewicz, row by row) that drops
 * aliased columns. Exact OLS when `ridge` is 0 and X has full column rank.
 */
export function solveNormalEquations({
  equations,
  ridge = 0,
  unpenalized = [],
  tolerance = 1e-10,
}: SolveNormalEquationsParameters): SolveNormalEquationsResult {
  const n = equations.size;
  const a = new Float64Array(equations.xtx);
  if (ridge > 0 && equations.count > 0) {
    const free = new Set<number>([0, ...unpenalized]);
    const count = equations.count;
    for (let j = 0; j < n; j++) {
      if (free.has(j)) continue;
      const sum = equations.xtx[j]; // row 0 = intercept: Σ x_j
      const centered = equations.xtx[j * n + j] - (sum * sum) / count;
      if (centered > 0) a[j * n + j] += ridge * centered;
    }
  }
  const l = new Float64Array(n * n);
  const isAliased = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const rowI = i * n;
    for (let j = 0; j < i; j++) {
      if (isAliased[j]) continue;
      const rowJ = j * n;
      let s = a[rowI + j];
      for (let k = 0; k < j; k++) s -= l[rowI + k] * l[rowJ + k];
      l[rowI + j] = s / l[rowJ + j];
    }
    let d = a[rowI + i];
    for (let k = 0; k < i; k++) d -= l[rowI + k] * l[rowI + k];
    const scale = a[rowI + i];
    if (!(scale > 0) || !(d > tolerance * scale)) {
      isAliased[i] = 1;
      l.fill(0, rowI, rowI + i + 1);
    } else {
      l[rowI + i] = Math.sqrt(d);
    }
  }
  // Forward: L z = X'y; backward: L' β = z (aliased entries stay 0).
  const z = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (isAliased[i]) continue;
    const rowI = i * n;
    let s = equations.xty[i];
    for (let k = 0; k < i; k++) s -= l[rowI + k] * z[k];
    z[i] = s / l[rowI + i];
  }
  const beta = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    if (isAliased[i]) continue;
    let s = z[i];
    for (let k = i + 1; k < n; k++) s -= l[k * n + i] * beta[k];
    beta[i] = s / l[i * n + i];
  }
  const aliased: number[] = [];
  for (let i = 0; i < n; i++) if (isAliased[i]) aliased.push(i);
  return { coefficients: beta, aliased };
}
