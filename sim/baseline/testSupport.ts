/**
 * Test support (imported by tests only, not part of the public entry): tiny hourly frames generated from
 * formulas, in UTC, and a minimal time-gated History over them that records what was read, so tests can
 * assert that a method never reads past its gate.
 */
import { LookAheadError } from '../errors.ts';
import { zonedClock } from '../data/index.ts';
import type { Frame, History } from '../data/types.ts';
import { isoDateOf } from './dayTable.ts';

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

export function testFrame({ start, days, columns, consumers, temperature, units, name = 'test', timezone = 'UTC' }: TestFrameParameters): Frame {
  const t0 = Date.parse(`${start}T00:00:00Z`);
  const length = days * 24;
  const time = Float64Array.from({ length }, (_, i) => t0 + i * HOUR_MS);
  const calendar = zonedClock({ timezone }).calendar(time);
  const dates = Array.from({ length }, (_, i) => isoDateOf(calendar.year[i]! * 10000 + calendar.month[i]! * 100 + calendar.day[i]!));
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
