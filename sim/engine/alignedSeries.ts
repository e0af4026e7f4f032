import type { Frame } from '../data/index.ts';
import { DatasetError } from '../errors.ts';

const DAY_MS = 86_400_000;

export interface AlignedSeriesParameters {
  /** An hourly dataset frame (prices, carbon intensity). */
  frame: Frame;
  /** The column to read. */
  column: string;
  /** Local simulation days (epoch days, ascending, contiguous). */
  epochDays: readonly number[];
}

export interface AlignedSeriesResult {
  /** days × 24 values (local hours), NaN-free (gaps filled from the previous hour or the day's mean). */
  values: Float64Array;
  /** Year of the data each simulated year was mapped to (e.g. { 2007: 2017 }); identity when the data covers it. */
  yearMap: Record<string, number>;
  /** Whether any date was shifted to another year. */
  shifted: boolean;
}

const dateKey = (y: number, m: number, d: number) => y * 10_000 + m * 100 + d;

/**
 * A dataset's hourly series laid out on the simulated local days. When the data does not cover a simulated
 * year, each date is mapped to the nearest year the data covers, on the same day of the year, then moved by at
 * most ±3 days to the same weekday (prices follow the working week), and the year map is returned so the run
 * manifest can say so. Hours are matched by the frame's local calendar.
 */
export function alignedSeries({ frame, column, epochDays }: AlignedSeriesParameters): AlignedSeriesResult {
  const source = frame.columns.get(column);
  if (source === undefined) {
    throw new DatasetError(`Column "${column}" is not in dataset ${frame.name}`, { hint: 'Check the dataset manifest roles (price / carbon).' });
  }
  const { year, month, day, hour } = frame.calendar;
  // local date → 24 hourly values (first occurrence of each hour)
  const byDate = new Map<number, Float64Array>();
  for (let i = 0; i < frame.length; i++) {
    const key = dateKey(year[i]!, month[i]!, day[i]!);
    let row = byDate.get(key);
    if (row === undefined) {
      row = new Float64Array(24).fill(Number.NaN);
      byDate.set(key, row);
    }
    const h = hour[i]!;
    if (Number.isNaN(row[h]!)) row[h] = source[i]!;
  }
  const years = [...new Set([...byDate.keys()].map((k) => Math.floor(k / 10_000)))].sort((a, b) => a - b);
  if (years.length === 0) throw new DatasetError(`Dataset ${frame.name} has no rows`, { hint: 'Check the dataset files.' });
  const yearMap: Record<string, number> = {};
  let shifted = false;
  const values = new Float64Array(epochDays.length * 24);
  epochDays.forEach((epochDay, d) => {
    const date = new Date(epochDay * DAY_MS);
    const y = date.getUTCFullYear();
    const m = date.getUTCMonth() + 1;
    const dd = date.getUTCDate();
    let row = byDate.get(dateKey(y, m, dd));
    if (row === undefined) {
      // nearest covered year with this month-day, then the same weekday within ±3 days
      const candidates = [...years].sort((a, b) => Math.abs(a - y) - Math.abs(b - y) || a - b);
      for (const target of candidates) {
        const anchor = m === 2 && dd === 29 ? Date.UTC(target, 1, 28) : Date.UTC(target, m - 1, dd);
        const delta = ((date.getUTCDay() - new Date(anchor).getUTCDay() + 7) % 7 + 3) % 7 - 3; // −3..3
        for (const shift of [delta, delta - 7, delta + 7, 0]) {
          const moved = new Date(anchor + shift * DAY_MS);
          const found = byDate.get(dateKey(moved.getUTCFullYear(), moved.getUTCMonth() + 1, moved.getUTCDate()));
          if (found !== undefined) {
            row = found;
            yearMap[String(y)] = target;
            shifted = true;
            break;
          }
        }
        if (row !== undefined) break;
      }
    } else {
      yearMap[String(y)] ??= y;
    }
    if (row === undefined) {
      throw new DatasetError(`Dataset ${frame.name} has no day to align ${date.toISOString().slice(0, 10)} with`, {
        details: `data years: ${years.join(', ')}`,
        hint: 'Use a price / carbon dataset with at least one full year.',
      });
    }
    let mean = 0;
    let count = 0;
    for (let h = 0; h < 24; h++) if (Number.isFinite(row[h]!)) [mean, count] = [mean + row[h]!, count + 1];
    mean = count > 0 ? mean / count : 0;
    for (let h = 0; h < 24; h++) {
      const v = row[h]!;
      values[d * 24 + h] = Number.isFinite(v) ? v : h > 0 ? values[d * 24 + h - 1]! : mean;
    }
  });
  return { values, yearMap, shifted };
}
