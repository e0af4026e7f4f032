import { describe, expect, it } from 'vitest';
import type { MeterFaultKind } from '../scenario/index.ts';
import { buildPopulation, type ConsumerPopulation } from './buildPopulation.ts';
import { consumerLoadsForDay } from './consumerLoadsForDay.ts';
import { FAULT_CODE, meterReads } from './meterReads.ts';
import { simDay } from './simDay.ts';
import { syntheticShapes, testScenario, withFaultRates } from './testSupport.ts';
import { initialVeeHistory, validateReads, VEE_REASON, VEE_STATUS, type VeeHistory } from './validateReads.ts';
import { veeDetectionScore } from './veeDetectionScore.ts';

const population = buildPopulation({ scenario: testScenario({ seed: 23 }), shapes: syntheticShapes(), count: 300 });
const firstDay = simDay({ date: '2007-07-02' });
const temperature = (d: number) => Float64Array.from({ length: 24 }, (_, h) => 22 + 4 * Math.sin((Math.PI * (h - 6)) / 12) + (d % 3));

/** VEE history after `days` clean days (returns the history and the day that follows). */
function warmUp(pop: ConsumerPopulation, days: number): { history: VeeHistory; next: number } {
  let history = initialVeeHistory({ count: pop.count, intervalsPerDay: 24 });
  const clean = withFaultRates(pop, {});
  for (let d = 0; d < days; d++) {
    const day = simDay({ date: firstDay.epochDay + d });
    const trueLoad = consumerLoadsForDay({ population: pop, day, temperature: temperature(d) }).loads;
    history = validateReads({ reads: meterReads({ population: clean, trueLoad, day }), day, history }).history;
  }
  return { history, next: days };
}

const { history: warm, next } = warmUp(population, 14);
const testDay = simDay({ date: firstDay.epochDay + next });
const trueLoad = consumerLoadsForDay({ population, day: testDay, temperature: temperature(next) }).loads;

function faultyDay(kind: MeterFaultKind) {
  const reads = meterReads({ population: withFaultRates(population, { [kind]: 1 }), trueLoad, day: testDay, eventWindow: { start: 14, end: 18 } });
  const vee = validateReads({ reads, day: testDay, history: warm });
  return { reads, vee, score: veeDetectionScore({ truth: reads.truth, reason: vee.reason }) };
}

describe('validateReads (VEE)', () => {
  it('a clean meter passes: every read valid, unchanged, no flags', () => {
    const reads = meterReads({ population: withFaultRates(population, {}), trueLoad, day: testDay });
    const vee = validateReads({ reads, day: testDay, history: warm });
    expect(vee.status.every((s) => s === VEE_STATUS.valid)).toBe(true);
    expect(vee.reason.every((r) => r === VEE_REASON.none)).toBe(true);
    expect(vee.value).toEqual(reads.value);
    expect(vee.history.daysSeen[0]).toBe(warm.daysSeen[0]! + 1);
    expect(warm.daysSeen[0]).toBe(14); // the input history is not modified
  });

  for (const kind of ['missing', 'stuck', 'spike', 'clockDrift', 'tamper'] as const) {
    it(`catches every injected ${kind} fault with its own rule`, () => {
      const { score } = faultyDay(kind);
      const s = score.byFault[kind];
      expect(s.truePositives).toBeGreaterThan(0);
      expect(s.recall).toBeGreaterThanOrEqual(kind === 'tamper' ? 0.95 : 1);
      expect(s.precision).toBeGreaterThanOrEqual(0.97);
    });
  }

  it('estimates short gaps by linear interpolation and rejects long ones', () => {
    const { reads, vee } = faultyDay('missing');
    let estimated = 0;
    let rejected = 0;
    for (let i = 0; i < population.count; i++) {
      const row = [...reads.truth.subarray(i * 24, i * 24 + 24)];
      const from = row.indexOf(FAULT_CODE.missing);
      const length = row.lastIndexOf(FAULT_CODE.missing) - from + 1;
      const k = i * 24 + from;
      if (length <= 2 && from > 0 && from + length < 24) {
        estimated += 1;
        expect(vee.status[k]).toBe(VEE_STATUS.estimated);
        const left = reads.value[k - 1]!;
        const right = reads.value[k + length]!;
        expect(vee.value[k]).toBeCloseTo(left + (right - left) / (length + 1), 12);
      } else {
        rejected += 1;
        expect(vee.status[k]).toBe(VEE_STATUS.rejected);
        expect(Number.isNaN(vee.value[k]!)).toBe(true);
      }
    }
    expect(estimated).toBeGreaterThan(10);
    expect(rejected).toBeGreaterThan(10);
  });

  it('rejects tamper suspicions outright (never estimated) and flags negative reads', () => {
    const { vee } = faultyDay('tamper');
    for (let k = 0; k < vee.reason.length; k++) if (vee.reason[k] === VEE_REASON.tamper) expect(vee.status[k]).toBe(VEE_STATUS.rejected);
    const value = trueLoad.slice();
    value[5] = -0.4;
    const neg = validateReads({ reads: { value, clockOffsetSec: new Float64Array(value.length) }, day: testDay, history: warm });
    expect(neg.reason[5]).toBe(VEE_REASON.negative);
    expect(neg.status[5]).toBe(VEE_STATUS.estimated);
    expect(neg.flagged[VEE_REASON.negative]).toBe(1);
  });

  it('a deep but genuine DR curtailment is a tamper suspicion only when VEE does not know the event', () => {
    const curtailed = trueLoad.slice();
    for (let i = 0; i < population.count; i++) {
      for (let t = 14; t < 18; t++) curtailed[i * 24 + t]! *= 0.25; // 75 % curtailed
      for (let t = 18; t < 20; t++) curtailed[i * 24 + t]! *= 1.6; // rebound
    }
    const reads = { value: curtailed, clockOffsetSec: new Float64Array(curtailed.length) };
    const blind = validateReads({ reads, day: testDay, history: warm });
    expect(blind.flagged[VEE_REASON.tamper]).toBeGreaterThan(population.count);
    const informed = validateReads({ reads, day: testDay, history: warm, eventWindow: { start: 14, end: 18 } });
    expect(informed.flagged[VEE_REASON.tamper]).toBe(0);
    // Only participants get the allowance.
    const some = Uint8Array.from({ length: population.count }, (_, i) => i % 2);
    const half = validateReads({ reads, day: testDay, history: warm, eventWindow: { start: 14, end: 18 }, eventParticipants: some });
    for (let i = 0; i < population.count; i++) if (some[i] === 1) for (let t = 0; t < 24; t++) expect(half.reason[i * 24 + t]).not.toBe(VEE_REASON.tamper);
    expect(half.flagged[VEE_REASON.tamper]).toBeGreaterThan(population.count / 2);
  });

  it('without history the spike and drop rules wait (no baseline to compare with)', () => {
    const reads = meterReads({ population: withFaultRates(population, { spike: 1 }), trueLoad, day: testDay });
    const vee = validateReads({ reads, day: testDay, history: initialVeeHistory({ count: population.count, intervalsPerDay: 24 }) });
    expect(vee.flagged[VEE_REASON.spike]).toBe(0);
  });
});
