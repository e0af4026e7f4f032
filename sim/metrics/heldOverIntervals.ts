export interface HeldOverIntervalsParameters {
  /** One value an hour. */
  hourly: ArrayLike<number>;
  intervalsPerHour: number;
  /** Intervals wanted. */
  length: number;
}

/**
 * An hourly series on the run's intervals: each hour's value held over the hour's intervals (a step, as an
 * hourly market clears), e.g. price and carbon intensity at 15-minute intervals.
 */
export function heldOverIntervals({ hourly, intervalsPerHour, length }: HeldOverIntervalsParameters): Float64Array {
  return Float64Array.from({ length }, (_, t) => hourly[Math.floor(t / intervalsPerHour)]!);
}
