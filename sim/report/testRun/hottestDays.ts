export interface HottestDaysParameters {
  /** Per day: how hot it is. */
  heat: readonly number[];
  count: number;
}

/** The `count` hottest days (the earlier day first on a tie), in date order: the days the test run calls events on. */
export function hottestDays({ heat, count }: HottestDaysParameters): number[] {
  return [...heat.keys()]
    .sort((a, b) => heat[b]! - heat[a]! || a - b)
    .slice(0, Math.min(count, heat.length))
    .sort((a, b) => a - b);
}
