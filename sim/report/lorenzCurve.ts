import { gini, lorenz } from '../metrics/index.ts';

export interface LorenzCurveParameters {
  /** Non-negative amounts, one per member of the population (zeros included). */
  amounts: readonly number[];
  /** At most this many points besides the origin (default 200); the last point is always (1, 1). */
  maxPoints?: number;
}

export interface LorenzCurveResult {
  /** (cumulative population share, cumulative amount share), both 0..1, starting at (0, 0). */
  points: { population: number; share: number }[];
  /** Gini coefficient (0 = everyone gets the same, → 1 = one gets everything); null when the total is 0. */
  gini: number | null;
}

/**
 * Lorenz curve and Gini coefficient of a distribution, thinned for a chart: sim/metrics `lorenz` and `gini`
 * (members sorted from smallest to largest amount), at most `maxPoints` points besides the origin.
 */
export function lorenzCurve({ amounts, maxPoints = 200 }: LorenzCurveParameters): LorenzCurveResult {
  const coefficient = gini({ values: amounts });
  if (coefficient === null) return { points: [{ population: 0, share: 0 }], gini: null };
  const { population, share } = lorenz({ values: amounts });
  const n = population.length - 1;
  const stride = Math.max(1, Math.ceil(n / maxPoints));
  const points = [{ population: 0, share: 0 }];
  for (let k = 1; k <= n; k++) if (k % stride === 0 || k === n) points.push({ population: population[k], share: share[k] });
  return { points, gini: coefficient };
}
