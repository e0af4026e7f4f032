/**
 * Test support (imported by tests only, not part of the public entry): tiny hourly frames generated from
 * formulas, in UTC, and a minimal time-gated History over them that records what was read, so tests can
 * assert that a method never reads past its gate.
 */
import { LookAheadError } from '../errors.ts';
import type { Calendar, Frame, History } from '../data/types.ts';

const HOUR_MS = 3_600_000;

export interface TestFrameParameters {
  /** First local (UTC) day, 'YYYY-MM-DD'. */
  start: string;
  days: number;
  /** Column name → value at (local date 'YYYY-MM-DD', hour 0..23, weekday 0 = Sunday). */
  columns: Record<string, (date: string, hour: number, weekday: number) => number>;
  consumers?: readonly string[];
  temperature?: readonly string[];
  units?: Record<string, string>;
  name?: string;
  /** IANA zone of the calendar (default UTC); `start` is then the local date of the first UTC-midnight interval. */
  timezone?: string;
}

function localFields(ms: number, timezone: string): { date: string; hour: number; weekday: number } {
  if (timezone === 'UTC') {
    const d = new Date(ms);
    return { date: d.toISOString().slice(0, 10), hour: d.getUTCHours(), weekday: d.getUTCDay() };
  }
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(ms))
      .map((p) => [p.type, p.value]),
  );
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  return { date, hour: Number(parts.hour), weekday: new Date(`${date}T00:00:00Z`).getUTCDay() };
}

export function testFrame({ start, days, columns, consumers, temperature, units, name = 'test', timezone = 'UTC' }: TestFrameParameters): Frame {
  const t0 = Date.parse(`${start}T00:00:00Z`);
  const length = days * 24;
  const time = new Float64Array(length);
  const calendar: Calendar = {
    hour: new Uint8Array(length),
    weekday: new Uint8Array(length),
    month: new Uint8Array(length),
    day: new Uint8Array(length),
    year: new Uint16Array(length),
  };
  const dates: string[] = [];
  for (let i = 0; i < length; i++) {
    const ms = t0 + i * HOUR_MS;
    const local = localFields(ms, timezone);
    time[i] = ms;
    calendar.hour[i] = local.hour;
    calendar.weekday[i] = local.weekday;
    calendar.month[i] = Number(local.date.slice(5, 7));
    calendar.day[i] = Number(local.date.slice(8, 10));
    calendar.year[i] = Number(local.date.slice(0, 4));
    dates.push(local.date);
  }
  const cols = new Map<string, Float64Array>();
  for (const [col, f] of Object.entries(columns)) {
    const values = new Float64Array(length);
    for (let i = 0; i < length; i++) values[i] = f(dates[i]!, calendar.hour[i]!, calendar.weekday[i]!);
    cols.set(col, values);
  }
  return {
    name, start: t0, stepMs: HOUR_MS, length, timezone, time, calendar, columns: cols,
    units: new Map(Object.entries(units ?? {})),
    roles: { consumers: consumers ?? [], temperature: temperature ?? [] },
  };
}

export interface TestHistory extends History {
  /** Highest `toIndex` requested through `values`, per column. */
  readonly maxRead: Map<string, number>;
}

export interface TestHistoryParameters {
  frame: Frame;
  decisionTime: number;
  exogenous?: readonly string[];
}

export function testHistory({ frame, decisionTime, exogenous = [] }: TestHistoryParameters): TestHistory {
  const visibleLength = Math.max(0, Math.min(frame.length, Math.ceil((decisionTime - frame.start) / frame.stepMs)));
  const maxRead = new Map<string, number>();
  const { columns, ...rest } = frame;
  const column = (name: string) => {
    const values = columns.get(name);
    if (!values) throw new LookAheadError(`no column ${name}`);
    return values;
  };
  return {
    frame: rest,
    decisionTime,
    visibleLength,
    maxRead,
    values(name, from, to) {
      maxRead.set(name, Math.max(maxRead.get(name) ?? 0, to));
      if (to > visibleLength) throw new LookAheadError(`read of ${name} up to ${to} beyond the gate ${visibleLength}`);
      return column(name).subarray(from, to);
    },
    exogenous(name, from, to) {
      if (!exogenous.includes(name)) throw new LookAheadError(`${name} is not exogenous`);
      return column(name).subarray(from, to);
    },
  };
}

/** Epoch ms of a UTC date and hour. */
export function utc(date: string, hour = 0): number {
  return Date.parse(`${date}T00:00:00Z`) + hour * HOUR_MS;
}
