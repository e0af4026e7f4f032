import { UsageError } from '../errors.ts';

const DAY_MS = 86_400_000;

/** One local calendar day of the simulation: what load shapes and random draws are keyed by. */
export interface SimDay {
  /** Days since 1970-01-01 of the local calendar date (keys every per-day random draw). */
  readonly epochDay: number;
  /** Local calendar date 'YYYY-MM-DD'. */
  readonly date: string;
  readonly year: number;
  /** 1..12. */
  readonly month: number;
  /** 1..31. */
  readonly dayOfMonth: number;
  /** 28..31. */
  readonly daysInMonth: number;
  /** 0 = Sunday .. 6 = Saturday. */
  readonly weekday: number;
  /** 0 = working day, 1 = weekend or holiday (the two day types of the load shapes). */
  readonly dayType: 0 | 1;
}

export interface SimDayParameters {
  /** Local calendar date 'YYYY-MM-DD', or days since 1970-01-01. */
  date: string | number;
  /** A public holiday follows the weekend shape. */
  holiday?: boolean;
}

/** The simulation day of a local calendar date (pure calendar arithmetic; no clock is read). */
export function simDay({ date, holiday = false }: SimDayParameters): SimDay {
  let epochDay: number;
  if (typeof date === 'number') {
    if (!Number.isSafeInteger(date)) throw new UsageError(`simDay: epoch day must be an integer, got ${date}`, { hint: 'Pass days since 1970-01-01 or a date "YYYY-MM-DD".' });
    epochDay = date;
  } else {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
    const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Number.NaN;
    if (!m || !Number.isFinite(ms) || new Date(ms).toISOString().slice(0, 10) !== date) {
      throw new UsageError(`simDay: "${date}" is not a calendar date`, { hint: 'Write dates as YYYY-MM-DD, e.g. 2007-07-01.' });
    }
    epochDay = ms / DAY_MS;
  }
  const d = new Date(epochDay * DAY_MS);
  const weekday = d.getUTCDay();
  return {
    epochDay,
    date: d.toISOString().slice(0, 10),
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    dayOfMonth: d.getUTCDate(),
    daysInMonth: new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate(),
    weekday,
    dayType: holiday || weekday === 0 || weekday === 6 ? 1 : 0,
  };
}
