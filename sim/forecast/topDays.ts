export interface TopDaysParameters {
  readonly values: ArrayLike<number>;
  /** Candidate day indices (e.g. the days of one season). */
  readonly days: readonly number[];
  readonly k: number;
}

/**
 * The `k` candidate days with the largest finite values, largest first; ties go to the earlier day.
 * Fewer than k when fewer candidates have a finite value.
 */
export function topDays({ values, days, k }: TopDaysParameters): number[] {
  return days
    .filter((d) => Number.isFinite(values[d]))
    .sort((a, b) => values[b] - values[a] || a - b)
    .slice(0, k);
}
