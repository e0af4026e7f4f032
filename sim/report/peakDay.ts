import type { RunDirectory } from './readRunDirectory.ts';
import { localWallClock } from './localWallClock.ts';

export interface PeakDayParameters {
  run: RunDirectory;
}

export interface PeakDayResult {
  /** Local calendar date (YYYY-MM-DD, scenario time zone) of the highest load without DR. */
  date: string;
  /** Interval indices of that local day, in time order. */
  indices: number[];
  /** Local wall-clock hour of day (0 ≤ h < 24, fractional for sub-hourly intervals) per index. */
  hours: number[];
}

/** The local day holding the period's highest system load without DR (first such day on ties). */
export function peakDay({ run }: PeakDayParameters): PeakDayResult {
  const wall = localWallClock({ timezone: run.summary.period.timezone });
  const { time, baselineKw } = run.timeseries;
  let peak = 0;
  for (let i = 1; i < time.length; i++) if (baselineKw[i] > baselineKw[peak]) peak = i;
  const date = new Date(wall(time[peak])).toISOString().slice(0, 10);
  const indices: number[] = [];
  const hours: number[] = [];
  for (let i = 0; i < time.length; i++) {
    const local = new Date(wall(time[i])).toISOString();
    if (local.slice(0, 10) !== date) continue;
    indices.push(i);
    hours.push(Number(local.slice(11, 13)) + Number(local.slice(14, 16)) / 60);
  }
  return { date, indices, hours };
}
