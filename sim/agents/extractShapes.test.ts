import { describe, expect, it } from 'vitest';
import { DatasetError } from '../errors.ts';
import type { Calendar, Frame } from '../data/index.ts';
import { extractShapes, PROFILE_STRIDE, profileIndex } from './extractShapes.ts';
import { subsetShapes } from './testSupport.ts';

const HOUR = 3_600_000;

/** One UTC year of hourly data from formulas of (day index, hour, weekday). */
function yearFrame(columns: Record<string, (d: number, h: number, weekday: number) => number>, units: Record<string, string>, consumers: string[]): Frame {
  const length = 365 * 24;
  const start = Date.UTC(2019, 0, 1);
  const calendar: Calendar = { hour: new Uint8Array(length), weekday: new Uint8Array(length), month: new Uint8Array(length), day: new Uint8Array(length), year: new Uint16Array(length) };
  const time = new Float64Array(length);
  for (let i = 0; i < length; i++) {
    const date = new Date(start + i * HOUR);
    time[i] = start + i * HOUR;
    calendar.hour[i] = date.getUTCHours();
    calendar.weekday[i] = date.getUTCDay();
    calendar.month[i] = date.getUTCMonth() + 1;
    calendar.day[i] = date.getUTCDate();
    calendar.year[i] = date.getUTCFullYear();
  }
  const cols = new Map<string, Float64Array>();
  for (const [name, f] of Object.entries(columns)) cols.set(name, Float64Array.from({ length }, (_, i) => f(Math.floor(i / 24), calendar.hour[i]!, calendar.weekday[i]!)));
  return { name: 'synthetic', start, stepMs: HOUR, length, timezone: 'UTC', time, calendar, columns: cols, units: new Map(Object.entries(units)), roles: { consumers, temperature: ['temp'] } };
}

const tempC = (d: number) => 15 + 12 * Math.sin((2 * Math.PI * (d - 100)) / 365);
const office = (h: number, weekday: number) => (weekday === 0 || weekday === 6 ? 0.8 : h >= 9 && h < 17 ? 1.5 : 1);

describe('extractShapes', () => {
  const frame = yearFrame(
    {
      temp: (d) => (tempC(d) * 9) / 5 + 32, // degF: converted before fitting
      office: (d, h, w) => 10 * office(h, w) * (1 + 0.05 * Math.max(0, tempC(d) - 18)),
      pv: (_d, h) => (h >= 7 && h < 19 ? 3 : 0),
    },
    { temp: 'degF', office: 'kWh', pv: 'kWh' },
    ['office', 'pv'],
  );

  it('recovers a known cooling slope and balance point, divides it out, and normalises the profile to mean 1', () => {
    const { commercial, flat } = extractShapes({ frames: { residential: frame, commercial: frame } });
    expect(commercial.names).toEqual(['office']);
    expect(commercial.excluded.map((e) => e.name)).toEqual(['pv']);
    expect(commercial.excluded[0]!.reason).toMatch(/50\.0 % of hours missing or below/);
    expect(commercial.coolingSlope[0]).toBeCloseTo(0.05, 6);
    expect(commercial.balancePointC[0]).toBe(18);
    expect(commercial.fitR2[0]).toBeCloseTo(1, 4);
    const p = (month: number, dayType: number, hour: number) => commercial.profiles[profileIndex(0, month, dayType, hour)]!;
    // Deflated: July (hot) has the same shape and level as January (cold).
    expect(p(7, 0, 12) / p(7, 0, 3)).toBeCloseTo(1.5, 6);
    expect(p(7, 0, 12)).toBeCloseTo(p(1, 0, 12), 5);
    expect(p(7, 1, 12) / p(7, 0, 3)).toBeCloseTo(0.8, 6);
    let mean = 0;
    for (let m = 1; m <= 12; m++) for (let h = 0; h < 24; h++) mean += (5 * p(m, 0, h) + 2 * p(m, 1, h)) / 7;
    expect(mean / (12 * 24)).toBeCloseTo(1, 2);
    expect(flat.profiles).toHaveLength(PROFILE_STRIDE);
    expect(flat.profiles.every((v) => v === 1)).toBe(true);
  });

  it('fails with a DatasetError when no source is usable', () => {
    expect(() => extractShapes({ frames: { residential: frame, commercial: frame }, maxMissingShare: 0.4, minReading: 100 })).toThrow(DatasetError);
  });

  it('on the committed subsets: 13 of 17 homes (PV-like / net-metered left out), 20 buildings, homes respond to heat', async () => {
    const shapes = await subsetShapes();
    expect(shapes.residential.names).toHaveLength(13);
    expect(shapes.residential.excluded.map((e) => e.name)).toEqual(['Building_7', 'Building_12', 'Building_14', 'Building_15']);
    expect(shapes.commercial.names).toHaveLength(20);
    expect(shapes.residential.profiles.every((v) => Number.isFinite(v) && v >= 0)).toBe(true);
    expect(shapes.commercial.profiles.every((v) => Number.isFinite(v) && v >= 0)).toBe(true);
    const meanSlope = (s: Float64Array) => s.reduce((a, b) => a + b, 0) / s.length;
    // Fontana homes (hot inland California) respond to heat much more than Cambridge (UK) university buildings.
    expect(meanSlope(shapes.residential.coolingSlope)).toBeGreaterThan(0.05);
    expect(meanSlope(shapes.commercial.coolingSlope)).toBeLessThan(meanSlope(shapes.residential.coolingSlope) / 3);
  });
});
