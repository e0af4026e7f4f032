import { DatasetError, UsageError } from '../errors.ts';
import type { Frame } from '../data/index.ts';
import { type SimDay, simDay } from './simDay.ts';

export interface SystemDaysParameters {
  /** A system dataset (e.g. gefcom2012): roles.load and roles.temperature (stations averaged). */
  frame: Frame;
  /** First and last local date, 'YYYY-MM-DD', both inclusive. */
  start: string;
  end: string;
  /** Local dates to treat as holidays (weekend shape). */
  holidays?: ReadonlySet<string>;
}

export interface SystemDaysResult {
  days: SimDay[];
  /** days × 24 local hours: system load (the frame's unit). */
  load: Float64Array;
  /** days × 24: mean of the temperature stations, °C. */
  temperatureC: Float64Array;
  loadUnit: string;
}

/**
 * The system series of a period laid out as whole local days × 24 hours (what consumer loads are generated
 * on): DST spring-forward hours take the previous hour's value, fall-back repeats are averaged, degF is
 * converted to °C and the stations are averaged.
 */
export function systemDays({ frame, start, end, holidays = new Set() }: SystemDaysParameters): SystemDaysResult {
  const loadName = frame.roles.load;
  const temps = frame.roles.temperature ?? [];
  if (loadName === undefined || temps.length === 0) {
    throw new DatasetError(`Dataset ${frame.name} has no system load and temperature roles`, {
      details: `roles: ${JSON.stringify(frame.roles)}`,
      hint: 'Use a system dataset such as gefcom2012 (roles.load and roles.temperature).',
    });
  }
  if (frame.stepMs !== 3_600_000) throw new DatasetError(`Dataset ${frame.name} is not hourly`, { hint: 'Use an hourly system dataset.' });
  const first = simDay({ date: start });
  const last = simDay({ date: end });
  if (last.epochDay < first.epochDay) throw new UsageError(`systemDays: end ${end} is before start ${start}`, { hint: 'Give start ≤ end.' });
  const nDays = last.epochDay - first.epochDay + 1;
  const days: SimDay[] = [];
  for (let d = 0; d < nDays; d++) {
    const probe = simDay({ date: first.epochDay + d });
    days.push(holidays.has(probe.date) ? simDay({ date: probe.epochDay, holiday: true }) : probe);
  }
  const load = new Float64Array(nDays * 24);
  const temperatureC = new Float64Array(nDays * 24);
  const loadCount = new Uint8Array(nDays * 24);
  const tempCount = new Uint16Array(nDays * 24);
  const loadValues = frame.columns.get(loadName)!;
  const tempValues = temps.map((t) => ({ values: frame.columns.get(t)!, degF: frame.units.get(t) === 'degF' }));
  const { year, month, day, hour } = frame.calendar;
  for (let i = 0; i < frame.length; i++) {
    const d = Date.UTC(year[i]!, month[i]! - 1, day[i]!) / 86_400_000 - first.epochDay;
    if (d < 0 || d >= nDays) continue;
    const slot = d * 24 + hour[i]!;
    const v = loadValues[i]!;
    if (Number.isFinite(v)) {
      load[slot] += v;
      loadCount[slot] += 1;
    }
    for (const { values, degF } of tempValues) {
      const t = values[i]!;
      if (Number.isFinite(t)) {
        temperatureC[slot] += degF ? ((t - 32) * 5) / 9 : t;
        tempCount[slot] += 1;
      }
    }
  }
  let run = 0;
  for (let s = 0; s < nDays * 24; s++) {
    if (loadCount[s]! > 0) load[s] /= loadCount[s]!;
    if (tempCount[s]! > 0) temperatureC[s] /= tempCount[s]!;
    if (loadCount[s]! > 0 && tempCount[s]! > 0) {
      run = 0;
      continue;
    }
    run += 1;
    // A DST spring-forward hour (one missing hour) takes the previous hour; anything longer is outside the data.
    if (s === 0 || run > 3) {
      throw new DatasetError(`Dataset ${frame.name} has no data for local day ${days[Math.floor(s / 24)]!.date} hour ${s % 24}`, {
        details: `asked ${start} … ${end}; frame spans ${new Date(frame.start).toISOString()} … ${new Date(frame.start + (frame.length - 1) * frame.stepMs).toISOString()}`,
        hint: 'Choose a period inside the dataset.',
      });
    }
    if (loadCount[s] === 0) load[s] = load[s - 1]!;
    if (tempCount[s] === 0) temperatureC[s] = temperatureC[s - 1]!;
  }
  return { days, load, temperatureC, loadUnit: frame.units.get(loadName) ?? '' };
}
