import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors.ts';
import { AVAILABILITY_WORDS, buildPopulation, type ConsumerPopulation } from './buildPopulation.ts';
import { type DrEvent, initialEventState, noticeFactor, PARTICIPATION, respondToEvent } from './respondToEvent.ts';
import { simDay } from './simDay.ts';
import { syntheticShapes, testScenario } from './testSupport.ts';

const scenario = testScenario({ seed: 31 });
const tiers = scenario.program.tiers;
const shapes = syntheticShapes();
const monday = simDay({ date: '2007-07-02' });
const event = (over: Partial<DrEvent> = {}): DrEvent => ({ id: 1, day: monday, startHour: 17, durationHours: 4, tier: 'tier2', noticeHours: 24, incentiveRate: 0.25, ...over });

/** Two consumers with hand-set behaviour: certain to respond, no opt-out, no fatigue; paid enough to curtail their whole flexible share. */
function pair(over: Partial<ConsumerPopulation> = {}): ConsumerPopulation {
  const base = buildPopulation({ scenario, shapes, count: 2 });
  return {
    ...base,
    flexibleShare: Float64Array.of(0.5, 0.2),
    responseProbability: Float64Array.of(1, 1),
    optOutRate: Float64Array.of(0, 0),
    fatiguePerEvent: Float64Array.of(0, 0),
    maxTier: Uint8Array.of(4, 4),
    autoEnroll: Uint8Array.of(1, 1),
    reboundShare: Float64Array.of(0.4, 1),
    reboundHours: Uint8Array.of(2, 3),
    arcSlope: Float64Array.of(1, 1),
    availability: new Uint32Array(2 * AVAILABILITY_WORDS).fill(0xffff_ffff),
    ...over,
  };
}
/** Consumer 0 draws 2 kW all day; consumer 1 draws h kW in hour h. */
const pairLoads = (intervalsPerHour = 1) => Float64Array.from({ length: 2 * 24 * intervalsPerHour }, (_, k) => (k < 24 * intervalsPerHour ? 2 : Math.floor((k % (24 * intervalsPerHour)) / intervalsPerHour)));
const sum = (a: Float64Array, from = 0, to = a.length) => a.subarray(from, to).reduce((s, x) => s + x, 0);

describe('respondToEvent', () => {
  it('curtails flexibleShare × load in the event and spreads reboundShare of it after (hand-computed)', () => {
    const loads = pairLoads();
    const r = respondToEvent({ population: pair(), loads, event: event(), tiers, state: initialEventState({ count: 2 }) });
    expect([...r.status]).toEqual([PARTICIPATION.responded, PARTICIPATION.responded]);
    // Consumer 0: 0.5 × 2 kW × 4 h = 4 kWh; rebound 0.4 × 4 = 1.6 kWh over 2 h = +0.8 kW at 21 h and 22 h.
    expect(r.curtailedKwh[0]).toBeCloseTo(4, 12);
    expect(r.reboundKwh[0]).toBeCloseTo(1.6, 12);
    expect([...r.loads.subarray(16, 24)].map((x) => +x.toFixed(9))).toEqual([2, 1, 1, 1, 1, 2.8, 2.8, 2]);
    // Consumer 1: 0.2 × (17 + 18 + 19 + 20) = 14.8 kWh; rebound 1.0 × 14.8 over 3 h.
    expect(r.curtailedKwh[1]).toBeCloseTo(14.8, 12);
    expect(r.reboundKwh[1]).toBeCloseTo(14.8, 12);
    expect(r.loads[24 + 17]).toBeCloseTo(17 * 0.8, 12);
    expect(r.loads[24 + 23]).toBeCloseTo(23 + 14.8 / 3, 12);
    // Energy balance per consumer, and the input is untouched.
    for (const i of [0, 1]) expect(sum(r.loads, i * 24, i * 24 + 24) - sum(loads, i * 24, i * 24 + 24)).toBeCloseTo(r.reboundKwh[i]! - r.curtailedKwh[i]!, 9);
    expect(loads[17]).toBe(2);
  });

  it('accounts for rebound that falls after the load window, and works in 15-minute intervals', () => {
    const late = respondToEvent({ population: pair(), loads: pairLoads(), event: event({ startHour: 19 }), tiers, state: initialEventState({ count: 2 }) });
    // Consumer 1 curtails 0.2 × (19 + 20 + 21 + 22) = 16.4 kWh; its 3 rebound hours are 23, 24, 25: one inside.
    expect(late.curtailedKwh[1]).toBeCloseTo(16.4, 12);
    expect(late.reboundKwh[1]).toBeCloseTo(16.4 / 3, 12);
    expect(late.reboundOutsideKwh[1]).toBeCloseTo((2 * 16.4) / 3, 12);
    expect(late.reboundOutsideKwh[0]).toBeCloseTo(0.8, 12); // 1.6 kWh over hours 23 and 24: half inside
    const quarter = respondToEvent({ population: pair(), loads: pairLoads(4), intervalsPerHour: 4, event: event(), tiers, state: initialEventState({ count: 2 }) });
    expect(quarter.curtailedKwh[0]).toBeCloseTo(4, 12);
    expect(quarter.reboundKwh[0]).toBeCloseTo(1.6, 12);
    expect(quarter.loads[4 * 21 + 3]).toBeCloseTo(2.8, 12);
    expect(() => respondToEvent({ population: pair(), loads: pairLoads(), event: event({ startHour: 22 }), tiers, state: initialEventState({ count: 2 }) })).toThrow(UsageError);
  });

  it('eligibility and enrolment: tier above maxTier, unavailable start hour, no opt-in, emergency forbids opting out', () => {
    const state = initialEventState({ count: 2 });
    const tier = respondToEvent({ population: pair({ maxTier: Uint8Array.of(2, 3) }), loads: pairLoads(), event: event({ tier: 'tier3' }), tiers, state });
    expect([...tier.status]).toEqual([PARTICIPATION.tierNotAccepted, PARTICIPATION.responded]);
    // Monday 17:00 local at UTC−4 is hour-of-week 21 (UTC); block it for consumer 0.
    const availability = new Uint32Array(2 * AVAILABILITY_WORDS).fill(0xffff_ffff);
    availability[0] &= ~(1 << 21);
    const away = respondToEvent({ population: pair({ availability }), loads: pairLoads(), event: event(), tiers, state, utcOffsetHours: -4 });
    expect([...away.status]).toEqual([PARTICIPATION.unavailable, PARTICIPATION.responded]);
    expect(away.curtailedKwh[0]).toBe(0);
    const manual = respondToEvent({ population: pair({ autoEnroll: Uint8Array.of(0, 1), optInMax: Float64Array.of(0, 0) }), loads: pairLoads(), event: event(), tiers, state });
    expect([...manual.status]).toEqual([PARTICIPATION.notOptedIn, PARTICIPATION.responded]);
    const leavers = pair({ optOutRate: Float64Array.of(1, 1) });
    expect([...respondToEvent({ population: leavers, loads: pairLoads(), event: event(), tiers, state }).status]).toEqual([PARTICIPATION.optedOut, PARTICIPATION.optedOut]);
    expect([...respondToEvent({ population: leavers, loads: pairLoads(), event: event({ tier: 'emergency', durationHours: 2, noticeHours: 0.5 }), tiers, state }).status]).not.toContain(
      PARTICIPATION.optedOut,
    );
  });

  it('fatigue lowers participation over consecutive events; a new season forgets it', () => {
    const fatigued = testScenario({ seed: 8, archetypes: { residential_ac: { share: 1, eventFatigue: { perEvent: 0.25, recoveryDays: 3 }, optOutRate: 0.02 } } });
    const population = buildPopulation({ scenario: fatigued, shapes, count: 3000 });
    const loads = new Float64Array(population.count * 24).fill(1);
    let state = initialEventState({ count: population.count });
    const responded: number[] = [];
    for (let k = 0; k < 6; k++) {
      const r = respondToEvent({ population, loads, event: event({ id: 100 + k, day: simDay({ date: monday.epochDay + k }) }), tiers, state });
      responded.push(r.status.filter((s) => s === PARTICIPATION.responded).length);
      state = r.state;
    }
    for (let k = 1; k < responded.length; k++) expect(responded[k]).toBeLessThan(responded[k - 1]!);
    expect(responded[5]! / responded[0]!).toBeLessThan(0.5);
    // Without fatigue the same events keep participation level.
    const fresh = buildPopulation({ scenario: testScenario({ seed: 8, archetypes: { residential_ac: { share: 1, eventFatigue: { perEvent: 0, recoveryDays: 3 }, optOutRate: 0.02 } } }), shapes, count: 3000 });
    let s2 = initialEventState({ count: fresh.count });
    const flat: number[] = [];
    for (let k = 0; k < 6; k++) {
      const r = respondToEvent({ population: fresh, loads, event: event({ id: 100 + k, day: simDay({ date: monday.epochDay + k }) }), tiers, state: s2 });
      flat.push(r.status.filter((s) => s === PARTICIPATION.responded).length);
      s2 = r.state;
    }
    expect(Math.min(...flat) / Math.max(...flat)).toBeGreaterThan(0.9);
    // Next year: season counts reset, recent fatigue long forgotten.
    const nextYear = respondToEvent({ population, loads, event: event({ id: 200, day: simDay({ date: '2008-07-07' }) }), tiers, state });
    expect(nextYear.state.season).toBe(2008);
    const back = nextYear.status.filter((s) => s === PARTICIPATION.responded).length;
    expect(back / responded[0]!).toBeGreaterThan(0.9);
  });

  it('a lower incentive raises opt-outs; short notice lowers response', () => {
    const population = buildPopulation({ scenario: testScenario({ seed: 4, archetypes: { residential_ev: { share: 1, optOutRate: 0.2 } } }), shapes, count: 3000 });
    const loads = new Float64Array(population.count * 24).fill(1);
    const state = initialEventState({ count: population.count });
    const optOuts = (incentiveRate: number) => respondToEvent({ population, loads, event: event({ incentiveRate }), tiers, state, incentiveElasticity: 0.5 }).status.filter((s) => s === PARTICIPATION.optedOut).length;
    expect(optOuts(0.02)).toBeGreaterThan(1.6 * optOuts(0.25));
    expect(noticeFactor({ noticeHours: 0.25 })).toBeCloseTo(0.735, 3);
    expect(noticeFactor({ noticeHours: 24 })).toBeCloseTo(1, 5);
  });

  it('pre-cooling spreads preCoolShare of the curtailed energy over preCoolHours before the event (hand-computed)', () => {
    const r = respondToEvent({ population: pair({ preCoolShare: Float64Array.of(0.5, 0), preCoolHours: Uint8Array.of(2, 0) }), loads: pairLoads(), event: event(), tiers, state: initialEventState({ count: 2 }) });
    // Consumer 0 curtails 4 kWh; 0.5 × 4 = 2 kWh over 15 h and 16 h = +1 kW each.
    expect(r.preCoolKwh[0]).toBeCloseTo(2, 12);
    expect([...r.loads.subarray(14, 18)].map((x) => +x.toFixed(9))).toEqual([2, 3, 3, 1]);
    expect(r.preCoolKwh[1]).toBe(0);
  });
});

describe('respondToEvent: consumers respond to what they are paid (common random numbers)', () => {
  const population = buildPopulation({ scenario: testScenario({ seed: 12 }), shapes, count: 4000 });
  const loads = new Float64Array(population.count * 24).fill(1);
  const rates = [0, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2];
  const committed = (s: number) => s === PARTICIPATION.noResponse || s === PARTICIPATION.responded;

  it('raising the rate never un-enrols a consumer nor lowers its curtailment, for the same seed', () => {
    const runs = rates.map((incentiveRate) => respondToEvent({ population, loads, event: event({ incentiveRate }), tiers, state: initialEventState({ count: population.count }) }));
    for (let k = 1; k < runs.length; k++) {
      const [lo, hi] = [runs[k - 1]!, runs[k]!];
      for (let i = 0; i < population.count; i++) {
        if (committed(lo.status[i]!)) expect(committed(hi.status[i]!)).toBe(true);
        expect(hi.curtailedKwh[i]!).toBeGreaterThanOrEqual(lo.curtailedKwh[i]!);
      }
      expect(hi.status.filter(committed).length).toBeGreaterThan(lo.status.filter(committed).length);
      expect(sum(hi.curtailedKwh)).toBeGreaterThan(sum(lo.curtailedKwh));
    }
  });

  it('a zero rate gives no voluntary response: nobody curtails, nobody opts in by hand, all who may opt out do', () => {
    const r = respondToEvent({ population, loads, event: event({ incentiveRate: 0 }), tiers, state: initialEventState({ count: population.count }) });
    expect(sum(r.curtailedKwh)).toBe(0);
    expect(r.status.filter((s) => s === PARTICIPATION.responded).length).toBe(0);
    expect(r.status.filter(committed).length).toBe(0); // tier 2 allows opting out
    for (let i = 0; i < population.count; i++) if (population.autoEnroll[i] === 0 && r.status[i]! > PARTICIPATION.unavailable) expect(r.status[i]).toBe(PARTICIPATION.notOptedIn);
  });

  it('over a season with fatigue, delivered energy still rises with the rate', () => {
    const season = (incentiveRate: number) => {
      let state = initialEventState({ count: population.count });
      let delivered = 0;
      for (let k = 0; k < 8; k++) {
        const r = respondToEvent({ population, loads, event: event({ id: 300 + k, day: simDay({ date: monday.epochDay + k }), incentiveRate }), tiers, state });
        delivered += sum(r.curtailedKwh);
        state = r.state;
      }
      return delivered;
    };
    const delivered = rates.map(season);
    for (let k = 1; k < delivered.length; k++) expect(delivered[k]!).toBeGreaterThan(delivered[k - 1]!);
  });
});
