import { describe, expect, it } from 'vitest';
import type { MeterFaultKind } from '../scenario/index.ts';
import { buildPopulation } from './buildPopulation.ts';
import { consumerLoadsForDay } from './consumerLoadsForDay.ts';
import { FAULT_CODE, meterReads } from './meterReads.ts';
import { simDay } from './simDay.ts';
import { syntheticShapes, testScenario, withFaultRates } from './testSupport.ts';

const population = buildPopulation({ scenario: testScenario({ seed: 17 }), shapes: syntheticShapes(), count: 300 });
const day = simDay({ date: '2007-07-10' });
const trueLoad = consumerLoadsForDay({ population, day, temperature: new Float64Array(24).fill(24) }).loads;

describe('meterReads', () => {
  it('a clean meter reads the true energy of every interval, stamped on time', () => {
    const r = meterReads({ population: withFaultRates(population, {}), trueLoad, day });
    expect(r.value).toEqual(trueLoad);
    expect(r.truth.every((x) => x === 0)).toBe(true);
    expect(r.clockOffsetSec.every((x) => x === 0)).toBe(true);
    expect([...r.injected]).toEqual([0, 0, 0, 0, 0]);
    const q = consumerLoadsForDay({ population, day, temperature: new Float64Array(24).fill(24), intervalsPerHour: 4 }).loads;
    expect(meterReads({ population: withFaultRates(population, {}), trueLoad: q, day, intervalsPerHour: 4 }).value[7]).toBeCloseTo(q[7]! / 4, 15);
  });

  it('injects each fault kind as described, recording the ground truth, deterministically per (meter, day)', () => {
    const all = (kind: MeterFaultKind) => meterReads({ population: withFaultRates(population, { [kind]: 1 }), trueLoad, day, eventWindow: { start: 14, end: 18 } });
    const missing = all('missing');
    expect(missing.injected[0]).toBe(300);
    for (let k = 0; k < trueLoad.length; k++) expect(Number.isNaN(missing.value[k]!)).toBe(missing.truth[k] === FAULT_CODE.missing);
    const stuck = all('stuck');
    for (let i = 0; i < 300; i++) {
      const row = [...stuck.truth.subarray(i * 24, i * 24 + 24)];
      const from = row.indexOf(FAULT_CODE.stuck);
      const to = row.lastIndexOf(FAULT_CODE.stuck);
      expect(to - from + 1).toBeGreaterThanOrEqual(3);
      const v = stuck.value[i * 24 + from]!;
      expect(v === 0 || v === stuck.value[i * 24 + from - 1]).toBe(true);
      for (let t = from; t <= to; t++) expect(stuck.value[i * 24 + t]).toBe(v);
    }
    const spike = all('spike');
    for (let k = 0; k < trueLoad.length; k++) if (spike.truth[k] === FAULT_CODE.spike) expect(spike.value[k]! / trueLoad[k]!).toBeGreaterThan(10);
    const drift = all('clockDrift');
    for (let k = 0; k < trueLoad.length; k++) expect(drift.clockOffsetSec[k]! > 0).toBe(drift.truth[k] === FAULT_CODE.clockDrift);
    const tamper = all('tamper');
    let inEvent = 0;
    for (let k = 0; k < trueLoad.length; k++) {
      if (tamper.truth[k] !== FAULT_CODE.tamper) continue;
      expect(tamper.value[k]! / trueLoad[k]!).toBeGreaterThanOrEqual(0.05);
      expect(tamper.value[k]! / trueLoad[k]!).toBeLessThanOrEqual(0.25);
      if (k % 24 >= 14 && k % 24 < 18) inEvent += 1;
    }
    expect(inEvent).toBeGreaterThan(300 * 4 * 0.4); // about half tamper during the event
    expect(all('tamper').value).toEqual(tamper.value);
    const nextDay = meterReads({ population: withFaultRates(population, { tamper: 1 }), trueLoad, day: simDay({ date: '2007-07-11' }) });
    expect(nextDay.truth).not.toEqual(tamper.truth);
  });

  it('rates are daily probabilities: about rate × meters faults a day', () => {
    const r = meterReads({ population: withFaultRates(population, { missing: 0.1, spike: 0.05 }), trueLoad, day });
    expect(r.injected[0]).toBeGreaterThan(15);
    expect(r.injected[0]).toBeLessThan(50);
    expect(r.injected[2]).toBeGreaterThan(4);
    expect(r.injected[2]).toBeLessThan(30);
    expect(r.injected[1]).toBe(0);
  });
});
