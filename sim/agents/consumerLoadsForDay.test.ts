import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors.ts';
import { buildPopulation } from './buildPopulation.ts';
import { consumerLoadsForDay } from './consumerLoadsForDay.ts';
import { simDay } from './simDay.ts';
import { syntheticShapes, testScenario } from './testSupport.ts';

const shapes = syntheticShapes();
const mild = new Float64Array(24).fill(15);
const hot = new Float64Array(24).fill(32);
const july = simDay({ date: '2007-07-10' });
const bytes = (a: Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

describe('consumerLoadsForDay', () => {
  const pop = buildPopulation({ scenario: testScenario({ seed: 21 }), shapes, count: 500 });

  it('is deterministic per (consumer, day) and independent of the order days are generated in', () => {
    const a = consumerLoadsForDay({ population: pop, day: july, temperature: mild }).loads;
    consumerLoadsForDay({ population: pop, day: simDay({ date: '2007-07-11' }), temperature: mild });
    const b = consumerLoadsForDay({ population: pop, day: july, temperature: mild }).loads;
    expect(bytes(b).equals(bytes(a))).toBe(true);
    const other = consumerLoadsForDay({ population: buildPopulation({ scenario: testScenario({ seed: 22 }), shapes, count: 500 }), day: july, temperature: mild }).loads;
    expect(bytes(other).equals(bytes(a))).toBe(false);
    const nextDay = consumerLoadsForDay({ population: pop, day: simDay({ date: '2007-07-11' }), temperature: mild }).loads;
    expect(nextDay[0]).not.toBe(a[0]); // fresh noise every day
  });

  it('adding one consumer leaves the others\' loads byte-identical', () => {
    const scenario = testScenario({ seed: 21 });
    const small = buildPopulation({ scenario, shapes, count: 300 });
    const large = buildPopulation({ scenario, shapes, count: 301 });
    for (const intervalsPerHour of [1, 4] as const) {
      const a = consumerLoadsForDay({ population: small, day: july, temperature: hot, intervalsPerHour }).loads;
      const b = consumerLoadsForDay({ population: large, day: july, temperature: hot, intervalsPerHour }).loads;
      expect(bytes(b.subarray(0, a.length)).equals(bytes(a))).toBe(true);
      expect(b.length).toBe(a.length + 24 * intervalsPerHour);
    }
  });

  it('follows the shape, the temperature response and the system scale; noise keeps the mean', () => {
    const expected = consumerLoadsForDay({ population: pop, day: july, temperature: mild, noise: false }).loads;
    const i = pop.archetype.indexOf(0); // a residential_ac home (synthetic evening peak at 19 h)
    const row = expected.subarray(i * 24, i * 24 + 24);
    expect(row.indexOf(Math.max(...row))).toBe(19);
    const hotLoads = consumerLoadsForDay({ population: pop, day: july, temperature: hot, noise: false }).loads;
    const excess = 32 - pop.balancePointC[i]!;
    expect(hotLoads[i * 24 + 19]! / expected[i * 24 + 19]!).toBeCloseTo(1 + pop.perDegC[i]! * excess, 12);
    const doubled = consumerLoadsForDay({ population: pop, day: july, temperature: mild, noise: false, systemScale: 2 }).loads;
    expect(doubled[i * 24 + 5]).toBeCloseTo(2 * expected[i * 24 + 5]!, 12);
    // Mean over 60 days of the noisy population total ≈ the noise-free total (lognormal noise is mean-preserving).
    let noisy = 0;
    let clean = 0;
    for (let d = 0; d < 60; d++) {
      const day = simDay({ date: july.epochDay + 7 * d });
      noisy += consumerLoadsForDay({ population: pop, day, temperature: mild }).loads.reduce((s, x) => s + x, 0);
      clean += consumerLoadsForDay({ population: pop, day, temperature: mild, noise: false }).loads.reduce((s, x) => s + x, 0);
    }
    expect(noisy / clean).toBeGreaterThan(0.99);
    expect(noisy / clean).toBeLessThan(1.01);
  });

  it('15-minute intervals: 96 per day, each hour\'s four quarters around the hourly value', () => {
    const q = consumerLoadsForDay({ population: pop, day: july, temperature: mild, intervalsPerHour: 4 });
    expect(q.intervalsPerDay).toBe(96);
    expect(q.loads).toHaveLength(500 * 96);
    expect(q.loads.every((x) => x > 0 && Number.isFinite(x))).toBe(true);
    const e = consumerLoadsForDay({ population: pop, day: july, temperature: mild, intervalsPerHour: 4, noise: false }).loads;
    expect(e[4 * 19]).toBe(e[4 * 19 + 3]);
  });

  it('a day of 10,000 consumers is one Float64Array of 240,000 kW values (reusable buffer)', () => {
    const big = buildPopulation({ scenario: testScenario({ seed: 1 }), shapes, count: 10_000 });
    const out = new Float64Array(10_000 * 24);
    const r = consumerLoadsForDay({ population: big, day: july, temperature: hot, out });
    expect(r.loads).toBeInstanceOf(Float64Array);
    expect(r.loads).toBe(out);
    expect(r.loads).toHaveLength(240_000);
  });

  it('rejects a temperature series that is not 24 hours', () => {
    expect(() => consumerLoadsForDay({ population: pop, day: july, temperature: new Float64Array(23) })).toThrow(UsageError);
    expect(() => consumerLoadsForDay({ population: pop, day: july, temperature: mild, systemScale: new Float64Array(3) })).toThrow(/24 hourly factors/);
  });
});
