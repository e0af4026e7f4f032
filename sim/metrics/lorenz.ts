import { type Amounts, ratio, sortedAmounts } from './amounts.ts';

export interface LorenzParameters {
  /** One non-negative amount per member (zeros included); bigint token amounts are handled exactly. */
  values: Amounts;
}

export interface LorenzResult {
  /** Cumulative population share after k members (k = 0…n): k / n. */
  population: Float64Array;
  /** Cumulative share of the total held by the k smallest members; 0 at k = 0, 1 at k = n. */
  share: Float64Array;
}

/**
 * The Lorenz curve: n + 1 points from (0, 0) to (1, 1), members from the smallest amount to the largest.
 * With a zero total every member holds the same (nothing), so the curve is the line of equality.
 */
export function lorenz({ values }: LorenzParameters): LorenzResult {
  const amounts = sortedAmounts(values, 'values');
  const n = amounts.sorted.length;
  const population = new Float64Array(n + 1);
  const share = new Float64Array(n + 1);
  for (let k = 0; k <= n; k++) population[k] = n === 0 ? 0 : k / n;
  if (amounts.kind === 'bigint') {
    const total = amounts.sorted.reduce((s, x) => s + x, 0n);
    let cumulative = 0n;
    for (let k = 1; k <= n; k++) {
      cumulative += amounts.sorted[k - 1];
      share[k] = total === 0n ? population[k] : ratio(cumulative, total);
    }
  } else {
    let total = 0;
    for (const x of amounts.sorted) total += x;
    let cumulative = 0;
    for (let k = 1; k <= n; k++) {
      cumulative += amounts.sorted[k - 1];
      share[k] = total === 0 ? population[k] : cumulative / total;
    }
  }
  if (n > 0) share[n] = 1;
  return { population, share };
}
