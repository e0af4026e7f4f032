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

/** Lorenz curve and Gini coefficient of a distribution (members sorted from smallest to largest amount). */
export function lorenzCurve({ amounts, maxPoints = 200 }: LorenzCurveParameters): LorenzCurveResult {
  const sorted = Float64Array.from(amounts).sort();
  const n = sorted.length;
  let total = 0;
  let weighted = 0;
  for (let i = 0; i < n; i++) {
    total += sorted[i];
    weighted += (i + 1) * sorted[i];
  }
  if (n === 0 || total <= 0) return { points: [{ population: 0, share: 0 }], gini: null };
  const gini = (2 * weighted) / (n * total) - (n + 1) / n;
  const stride = Math.max(1, Math.ceil(n / maxPoints));
  const points = [{ population: 0, share: 0 }];
  let cumulative = 0;
  for (let i = 0; i < n; i++) {
    cumulative += sorted[i];
    if ((i + 1) % stride === 0 || i === n - 1) points.push({ population: (i + 1) / n, share: cumulative / total });
  }
  return { points, gini };
}
