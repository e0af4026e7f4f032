import type { SimDay } from '../agents/index.ts';
import type { Calendar, Frame } from '../data/index.ts';
import { HOUR_MS } from './simClock.ts';

/** A meter window as plain data: `MeterWindow.toSnapshot` / `MeterWindow.fromSnapshot`. */
export interface MeterWindowSnapshot {
  count: number;
  days: number;
  values: Float64Array;
  dayOf: Int32Array;
}

/**
 * The oracle's rolling store of validated interval reads (kWh per hour): the last `days` local days of every
 * meter, day-major in a ring (one day of all meters is one contiguous block, so a day is stored with one copy).
 * Rejected reads are NaN. Memory: days × count × 24 Float64 — never N × T objects.
 */
export class MeterWindow {
  readonly count: number;
  readonly days: number;
  readonly #values: Float64Array;
  readonly #dayOf: Int32Array; // simulation day index stored in each ring slot (−1 = empty)

  constructor({ count, days }: { count: number; days: number }) {
    this.count = count;
    this.days = days;
    this.#values = new Float64Array(count * days * 24).fill(Number.NaN);
    this.#dayOf = new Int32Array(days).fill(-1);
  }

  /** The window as plain data (copies of its ring). */
  toSnapshot(): MeterWindowSnapshot {
    return { count: this.count, days: this.days, values: this.#values.slice(), dayOf: this.#dayOf.slice() };
  }

  /** A window holding exactly what `snapshot` holds. */
  static fromSnapshot({ count, days, values, dayOf }: MeterWindowSnapshot): MeterWindow {
    const window = new MeterWindow({ count, days });
    window.#values.set(values);
    window.#dayOf.set(dayOf);
    return window;
  }

  /** Stores day `dayIndex`'s validated reads (count × 24, kWh). */
  put(dayIndex: number, values: Float64Array): void {
    const slot = dayIndex % this.days;
    this.#values.set(values, slot * this.count * 24);
    this.#dayOf[slot] = dayIndex;
  }

  /** Consumer `i`'s reads of days [lastDay − days + 1, lastDay], chronological (NaN where absent). */
  series(i: number, lastDay: number): Float64Array {
    const out = new Float64Array(this.days * 24).fill(Number.NaN);
    for (let k = 0; k < this.days; k++) {
      const day = lastDay - this.days + 1 + k;
      if (day < 0) continue;
      const slot = day % this.days;
      if (this.#dayOf[slot] !== day) continue;
      out.set(this.#values.subarray(slot * this.count * 24 + i * 24, slot * this.count * 24 + i * 24 + 24), k * 24);
    }
    return out;
  }
}

export interface WindowFrameParameters {
  /** The local days of the window, chronological. */
  days: readonly SimDay[];
  /** Epoch ms given to the first hour (the axis is regular: 24 hours a day, like the consumer model). */
  start: number;
  timezone: string;
  columns: Map<string, Float64Array>;
  temperatureC: Float64Array;
}

/** A Frame over a meter window, for computeBaseline: local calendar from the simulation days, one column per consumer, temperature in °C. */
export function windowFrame({ days, start, timezone, columns, temperatureC }: WindowFrameParameters): Frame {
  const length = days.length * 24;
  const calendar: Calendar = {
    hour: new Uint8Array(length),
    weekday: new Uint8Array(length),
    month: new Uint8Array(length),
    day: new Uint8Array(length),
    year: new Uint16Array(length),
  };
  days.forEach((d, k) => {
    for (let h = 0; h < 24; h++) {
      const i = k * 24 + h;
      calendar.hour[i] = h;
      calendar.weekday[i] = d.weekday;
      calendar.month[i] = d.month;
      calendar.day[i] = d.dayOfMonth;
      calendar.year[i] = d.year;
    }
  });
  const time = Float64Array.from({ length }, (_, i) => start + i * HOUR_MS);
  columns.set('temperature', temperatureC);
  const units = new Map<string, string>([...columns.keys()].map((name) => [name, name === 'temperature' ? 'degC' : 'kWh']));
  return { name: 'meter-reads', start, stepMs: HOUR_MS, length, timezone, time, calendar, columns, units, roles: { temperature: ['temperature'] } };
}
