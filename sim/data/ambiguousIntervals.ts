import type { ZonedClock } from './zonedClock.ts';

export interface AmbiguousIntervalsParameters {
  /** Interval starts, UTC epoch ms, one step apart. */
  time: Float64Array;
  stepMs: number;
  clock: ZonedClock;
}

/** 1 for every interval whose local wall time occurs twice (both occurrences of a DST fall-back hour), else 0. */
export function ambiguousIntervals({ time, stepMs, clock }: AmbiguousIntervalsParameters): Uint8Array {
  const length = time.length;
  const ambiguous = new Uint8Array(length);
  let prevWall = -Infinity;
  for (let i = 0; i < length; i++) {
    const wall = time[i]! + clock.offsetAt(time[i]!);
    if (wall <= prevWall) {
      // Intervals i.. repeat wall times already shown: mark both occurrences.
      const back = Math.round((prevWall - wall) / stepMs) + 1;
      for (let k = 0; k < back && i + k < length; k++) ambiguous[i + k] = 1;
      for (let k = 1; k <= back && i - k >= 0; k++) ambiguous[i - k] = 1;
    }
    prevWall = Math.max(prevWall, wall);
  }
  return ambiguous;
}
