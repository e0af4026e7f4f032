import seedrandom from 'seedrandom';
import { zonedClock } from '../../data/index.ts';
import type { Calendar, Frame } from '../../data/types.ts';

export interface SyntheticFrameParameters {
  readonly days: number;
  readonly seed: string;
  /** Local midnight of the first day as if UTC (the synthetic calendar has no DST). Default 2004-01-01. */
  readonly startDate?: string;
  /** Builds the load of interval i from its calendar fields and temperature. */
  readonly load: (i: number, calendar: Calendar, temperature: Float64Array) => number;
  /** Gaussian noise standard deviation added to load. */
  readonly noise?: number;
  readonly stations?: number;
  /** Adds T1_forecast.. columns = temperature + N(0, forecastError). */
  readonly forecastError?: number;
}

/** Test fixture: an hourly frame with seasonal, diurnal and random-walk temperature and a load built from it. */
export function syntheticFrame({
  days,
  seed,
  startDate = '2004-01-01',
  load,
  noise = 0,
  stations = 2,
  forecastError,
}: SyntheticFrameParameters): Frame {
  const rng = seedrandom(seed);
  const gauss = (): number => {
    const u = Math.max(rng(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
  };
  const length = days * 24;
  const start = Date.parse(`${startDate}T00:00:00Z`);
  const stepMs = 3_600_000;
  const time = Float64Array.from({ length }, (_, i) => start + i * stepMs);
  const calendar = zonedClock({ timezone: 'UTC' }).calendar(time);
  const columns = new Map<string, Float64Array>();
  const units = new Map<string, string>();
  const stationNames: string[] = [];
  const forecastNames: string[] = [];
  const mean = new Float64Array(length);
  let walk = 0;
  for (let s = 1; s <= stations; s++) {
    const t = new Float64Array(length);
    for (let i = 0; i < length; i++) {
      if (i % 24 === 0) walk = 0.8 * walk + 4 * gauss();
      const dayOfYear = i / 24;
      t[i] = 58 + 22 * Math.sin((2 * Math.PI * (dayOfYear - 110)) / 365.25) + 8 * Math.sin((2 * Math.PI * (calendar.hour[i] - 9)) / 24) + walk + s + gauss();
      mean[i] += t[i] / stations;
    }
    columns.set(`T${s}`, t);
    units.set(`T${s}`, 'degF');
    stationNames.push(`T${s}`);
    if (forecastError !== undefined) {
      const f = t.map((x) => x + forecastError * gauss());
      columns.set(`T${s}_forecast`, f);
      units.set(`T${s}_forecast`, 'degF');
      forecastNames.push(`T${s}_forecast`);
    }
  }
  const loadValues = new Float64Array(length);
  for (let i = 0; i < length; i++) loadValues[i] = load(i, calendar, mean) + noise * gauss();
  columns.set('load', loadValues);
  units.set('load', 'MW');
  return {
    name: 'synthetic',
    start,
    stepMs,
    length,
    timezone: 'UTC',
    time,
    calendar,
    columns,
    units,
    roles: {
      load: 'load',
      temperature: stationNames,
      ...(forecastError !== undefined ? { temperatureForecast: forecastNames } : {}),
    },
  };
}
