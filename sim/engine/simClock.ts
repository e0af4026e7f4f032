import { zonedClock } from '../data/index.ts';
import { UsageError } from '../errors.ts';

/** Milliseconds in an hour and in a (24-hour) day, and seconds in a day (chain time). */
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
export const DAY_S = 86_400n;

export interface CreateSimClockParameters {
  /** IANA time zone of the scenario's calendar. */
  timezone: string;
}

/**
 * The engine's clock: local simulation hours → UTC instants, in one zone. A local day is 24 hours (as the
 * consumer model has it); on a spring-forward day the missing hour maps one hour after the previous one and on a
 * fall-back day the repeated hour maps to its first occurrence, so instants never go backwards.
 * Block timestamps are taken from it: no wall clock is read anywhere in the engine.
 */
export interface SimClock {
  readonly timezone: string;
  /** Epoch ms (UTC) of local `hour` (may be fractional or ≥ 24) of the local day `epochDay` (days since 1970-01-01). */
  instantOf(epochDay: number, hour: number): number;
  /** Unix seconds (bigint) of the same instant, for block timestamps. */
  secondsOf(epochDay: number, hour: number): bigint;
  /** Local time minus UTC in hours at an instant (DST aware). */
  utcOffsetHours(instant: number): number;
}

/** The simulation clock of a scenario's time zone (pure arithmetic plus Intl, cached per day). */
export function createSimClock({ timezone }: CreateSimClockParameters): SimClock {
  const zone = zonedClock({ timezone });
  const hourCache = new Map<number, number>();
  const wholeHour = (epochDay: number, hour: number): number => {
    const key = epochDay * 24 + hour;
    const hit = hourCache.get(key);
    if (hit !== undefined) return hit;
    const naive = epochDay * DAY_MS + hour * HOUR_MS;
    let instant = zone.toInstant(naive, 'prevailing').instant;
    if (Number.isNaN(instant)) instant = wholeHour(epochDay, hour - 1) + HOUR_MS; // DST hole
    hourCache.set(key, instant);
    return instant;
  };
  const instantOf = (epochDay: number, hour: number): number => {
    if (!Number.isFinite(epochDay) || !Number.isFinite(hour)) {
      throw new UsageError(`simClock: invalid local time (day ${epochDay}, hour ${hour})`, { hint: 'Pass a whole epoch day and an hour.' });
    }
    const whole = Math.floor(hour);
    const dayShift = Math.floor(whole / 24);
    return wholeHour(epochDay + dayShift, whole - dayShift * 24) + (hour - whole) * HOUR_MS;
  };
  return {
    timezone,
    instantOf,
    secondsOf: (epochDay, hour) => BigInt(Math.floor(instantOf(epochDay, hour) / 1000)),
    utcOffsetHours: (instant) => zone.offsetAt(instant) / HOUR_MS,
  };
}
