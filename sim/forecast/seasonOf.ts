export interface SeasonOfParameters {
  /** 1..12 */
  readonly month: number;
  readonly year: number;
}

/**
 * Meteorological season of a local date, as a key: 'YYYY-winter' (Dec of YYYY−1, Jan, Feb of YYYY),
 * 'YYYY-spring' (Mar–May), 'YYYY-summer' (Jun–Aug), 'YYYY-fall' (Sep–Nov).
 */
export function seasonOf({ month, year }: SeasonOfParameters): string {
  if (month === 12) return `${year + 1}-winter`;
  if (month <= 2) return `${year}-winter`;
  if (month <= 5) return `${year}-spring`;
  if (month <= 8) return `${year}-summer`;
  return `${year}-fall`;
}
