/**
 * Wall-clock ↔ instant conversion for one IANA zone, with caches (a dataset has tens of thousands
 * of distinct hours; Intl is only asked once per hour). "Naive" times are wall-clock readings
 * encoded as if they were UTC epoch milliseconds (Date.UTC(y, m - 1, d, h, min)).
 */
import type { Calendar } from './types.ts';

export type Clock = 'utc' | 'prevailing' | 'standard';

export interface ZonedClockParameters {
  timezone: string;
}

export interface WallToInstantResult {
  /** Earliest instant showing this wall time; NaN when the wall time does not exist (DST hole). */
  instant: number;
  /** The second instant when the wall time occurs twice (DST fall-back), else NaN. */
  repeat: number;
}

export interface ZonedClock {
  readonly timezone: string;
  /** UTC offset (ms, local − UTC) at an instant. */
  offsetAt(instant: number): number;
  /** Offset of local standard time (no DST). */
  readonly standardOffset: number;
  /** Instants for a naive wall time under `clock`. */
  toInstant(naive: number, clock: Clock): WallToInstantResult;
  /** Calendar fields (local) of a regular axis. */
  calendar(time: Float64Array): Calendar;
}

const HOUR = 3_600_000;

export function zonedClock({ timezone }: ZonedClockParameters): ZonedClock {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: timezone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const offsets = new Map<number, number>();
  const computeOffset = (t: number): number => {
    const parts = format.formatToParts(new Date(t));
    const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
    const naive = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
    return naive - Math.floor(t / 1000) * 1000;
  };
  const offsetAt = (t: number): number => {
    // Offsets change on whole quarter-hours in every real zone: cache per quarter-hour.
    const key = Math.floor(t / 900_000);
    let o = offsets.get(key);
    if (o === undefined) {
      o = computeOffset(key * 900_000);
      offsets.set(key, o);
    }
    return o;
  };
  const jan = offsetAt(Date.UTC(2001, 0, 15));
  const jul = offsetAt(Date.UTC(2001, 6, 15));
  const standardOffset = Math.min(jan, jul);

  const wallCache = new Map<number, WallToInstantResult>();
  const prevailing = (naive: number): WallToInstantResult => {
    let r = wallCache.get(naive);
    if (r) return r;
    const candidates = new Set([offsetAt(naive - 30 * HOUR), offsetAt(naive + 30 * HOUR)]);
    const hits: number[] = [];
    for (const o of candidates) {
      const t = naive - o;
      if (offsetAt(t) === o) hits.push(t);
    }
    hits.sort((a, b) => a - b);
    r = { instant: hits.length > 0 ? hits[0]! : Number.NaN, repeat: hits.length > 1 ? hits[1]! : Number.NaN };
    wallCache.set(naive, r);
    return r;
  };

  return {
    timezone,
    offsetAt,
    standardOffset,
    toInstant(naive, clock) {
      if (clock === 'utc') return { instant: naive, repeat: Number.NaN };
      if (clock === 'standard') return { instant: naive - standardOffset, repeat: Number.NaN };
      return prevailing(naive);
    },
    calendar(time) {
      const n = time.length;
      const hour = new Uint8Array(n);
      const weekday = new Uint8Array(n);
      const month = new Uint8Array(n);
      const day = new Uint8Array(n);
      const year = new Uint16Array(n);
      for (let i = 0; i < n; i++) {
        const d = new Date(time[i]! + offsetAt(time[i]!));
        hour[i] = d.getUTCHours();
        weekday[i] = d.getUTCDay();
        month[i] = d.getUTCMonth() + 1;
        day[i] = d.getUTCDate();
        year[i] = d.getUTCFullYear();
      }
      return { hour, weekday, month, day, year };
    },
  };
}
