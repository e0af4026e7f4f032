import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors.ts';
import { ARCHETYPES } from '../scenario/index.ts';
import { AVAILABILITY_WORDS, buildPopulation, type ConsumerPopulation, FAULT_KINDS, isAvailable } from './buildPopulation.ts';
import { syntheticShapes, testScenario } from './testSupport.ts';

const shapes = syntheticShapes();
const ARRAY_FIELDS = [
  'archetype', 'shapeSource', 'scaleKw', 'balancePointC', 'perDegC', 'flexibleShare', 'responseProbability', 'fatiguePerEvent',
  'fatigueRecoveryDays', 'reboundShare', 'reboundHours', 'optOutRate', 'faultRates', 'availability', 'maxTier', 'autoEnroll',
  'hourlyNoiseSd', 'dailyNoiseSd', 'noiseKey', 'behaviourKey', 'meterKey',
] as const satisfies readonly (keyof ConsumerPopulation)[];
const WIDTH: Partial<Record<(typeof ARRAY_FIELDS)[number], number>> = { faultRates: FAULT_KINDS, availability: AVAILABILITY_WORDS };

describe('buildPopulation', () => {
  it('is deterministic: the same seed gives identical arrays, another seed different ones', () => {
    const a = buildPopulation({ scenario: testScenario({ seed: 11, count: 300 }), shapes });
    const b = buildPopulation({ scenario: testScenario({ seed: 11, count: 300 }), shapes });
    const c = buildPopulation({ scenario: testScenario({ seed: 12, count: 300 }), shapes });
    for (const f of ARRAY_FIELDS) expect(b[f], f).toEqual(a[f]);
    expect(c.scaleKw).not.toEqual(a.scaleKw);
    expect(c.noiseKey).not.toEqual(a.noiseKey);
  });

  it('adding a consumer leaves every other consumer byte-identical', () => {
    const a = buildPopulation({ scenario: testScenario({ seed: 5 }), shapes, count: 200 });
    const b = buildPopulation({ scenario: testScenario({ seed: 5 }), shapes, count: 201 });
    for (const f of ARRAY_FIELDS) {
      const w = WIDTH[f] ?? 1;
      const before = a[f] as ArrayLike<number> & { buffer: ArrayBufferLike; byteLength: number };
      const after = (b[f] as Uint8Array).subarray(0, 200 * w);
      expect(Buffer.from(after.buffer, after.byteOffset, after.byteLength).equals(Buffer.from(before.buffer, 0, before.byteLength)), f).toBe(true);
    }
  });

  it('follows the archetype mix closely at any count and draws each consumer from its archetype', () => {
    const scenario = testScenario({ seed: 3, archetypes: { residential_ac: { share: 0.6 }, residential_ev: { share: 0.15 }, small_commercial: { share: 0.2 }, industrial: { share: 0.05 } } });
    const pop = buildPopulation({ scenario, shapes, count: 4000 });
    const counts = ARCHETYPES.map((_, a) => pop.archetype.filter((x) => x === a).length / pop.count);
    expect(counts[0]).toBeCloseTo(0.6, 2);
    expect(counts[1]).toBeCloseTo(0.15, 2);
    expect(counts[2]).toBeCloseTo(0.2, 2);
    expect(counts[3]).toBeCloseTo(0.05, 2);
    // Industrial consumers are ~400 kW, homes ~1.3 kW; every consumer follows a source of its archetype's shape set.
    const meanScale = (a: number) => {
      let s = 0;
      let n = 0;
      for (let i = 0; i < pop.count; i++) if (pop.archetype[i] === a) [s, n] = [s + pop.scaleKw[i]!, n + 1];
      return s / n;
    };
    expect(meanScale(3) / 400).toBeGreaterThan(0.85);
    expect(meanScale(3) / 400).toBeLessThan(1.15);
    expect(meanScale(0) / 1.3).toBeGreaterThan(0.9);
    expect(meanScale(0) / 1.3).toBeLessThan(1.1);
    for (let i = 0; i < pop.count; i++) expect(pop.shapeSource[i]).toBeLessThan(pop.shapeSets[pop.archetype[i]!]!.names.length);
    expect(pop.shapeSets[0]!.kind).toBe('residential');
    expect(pop.shapeSets[3]!.kind).toBe('commercial');
  });

  it('draws registry preferences: max tier 1..4, standing opt-in, a 168-hour availability mask', () => {
    const pop = buildPopulation({ scenario: testScenario({ seed: 9 }), shapes, count: 2000 });
    expect(Math.min(...pop.maxTier)).toBe(1);
    expect(Math.max(...pop.maxTier)).toBe(4);
    const enrolled = pop.autoEnroll.reduce((a, b) => a + b, 0) / pop.count;
    expect(enrolled).toBeGreaterThan(0.75);
    expect(enrolled).toBeLessThan(0.85);
    let restricted = 0;
    for (let i = 0; i < pop.count; i++) {
      expect(pop.availability[i * AVAILABILITY_WORDS + 5]! >>> 8).toBe(0); // no bits above 167
      let blocked = 0;
      for (let h = 0; h < 168; h++) if (!isAvailable({ population: pop, consumer: i, hourOfWeek: h })) blocked += 1;
      if (blocked > 0) {
        restricted += 1;
        expect(blocked % 7).toBe(0); // the same window every day
        expect(blocked / 7).toBeGreaterThanOrEqual(2);
        expect(blocked / 7).toBeLessThanOrEqual(4);
      }
    }
    expect(restricted / pop.count).toBeGreaterThan(0.25);
    expect(restricted / pop.count).toBeLessThan(0.35);
  });

  it('a population of 10,000 is a few typed arrays of the right lengths (no per-consumer objects)', () => {
    const pop = buildPopulation({ scenario: testScenario({ seed: 1 }), shapes, count: 10_000 });
    expect(pop.count).toBe(10_000);
    const types: Record<string, unknown> = {
      archetype: Uint8Array, shapeSource: Uint16Array, scaleKw: Float64Array, faultRates: Float64Array, availability: Uint32Array,
      maxTier: Uint8Array, autoEnroll: Uint8Array, reboundHours: Uint8Array, noiseKey: Uint32Array, meterKey: Uint32Array,
    };
    for (const f of ARRAY_FIELDS) {
      const v = pop[f];
      expect(ArrayBuffer.isView(v), f).toBe(true);
      expect((v as Uint8Array).length, f).toBe(10_000 * (WIDTH[f] ?? 1));
      if (types[f]) expect(v, f).toBeInstanceOf(types[f] as never);
    }
  });

  it('rejects a bad count or preference distribution with a UsageError and a hint', () => {
    expect(() => buildPopulation({ scenario: testScenario(), shapes, count: -1 })).toThrow(UsageError);
    expect(() => buildPopulation({ scenario: testScenario(), shapes, preferences: { maxTier: [0.5, 0.5, 0.5, 0], autoEnroll: 1, restrictedAvailability: 0, blockedHours: [1, 1] } })).toThrow(
      /maxTier probabilities sum to 1.5/,
    );
  });
});
