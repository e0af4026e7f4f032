import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kpiRows } from './kpiRows.ts';
import { runSummarySchema } from './runDirectorySchema.ts';
import { writeTestRunDirectory } from './writeTestRunDirectory.ts';

const { dir } = writeTestRunDirectory({});
const summary = runSummarySchema.parse(JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')));
const rows = kpiRows({ summary });
const byId = new Map(rows.map((r) => [r.id, r]));

describe('kpiRows', () => {
  it('has every required KPI with its unit in the text', () => {
    const expectUnit = (id: string, unit: string) => {
      const row = byId.get(id);
      expect(row, id).toBeDefined();
      expect(row?.unit).toBe(unit);
      expect(row?.text.endsWith(` ${unit}`), `${id}: ${row?.text}`).toBe(true);
    };
    expectUnit('peak.reductionKw', 'kW');
    expectUnit('peak.reductionPct', '%');
    expectUnit('loadFactor.baseline', '%');
    expectUnit('energy.curtailedKwh', 'kWh');
    expectUnit('energy.reboundKwh', 'kWh');
    expectUnit('payouts.total.GRID', 'GRID');
    expectUnit('payouts.total.pUSD', 'pUSD');
    expectUnit('payouts.totalUsd', 'USD');
    expectUnit('gas.total', 'gas');
    expectUnit('gas.perConsumerEvent', 'gas');
    expectUnit('gas.costUsd', 'USD');
    expectUnit('avoided.costUsd', 'USD');
    expectUnit('avoided.co2Kg', 'kg CO₂');
    expectUnit('meters.readsRejected', 'reads');
    for (const fault of ['clockDrift', 'missing', 'spike', 'stuck', 'tamper']) expectUnit(`meters.byFault.${fault}`, 'reads');
  });

  it('formats values with fixed decimals and grouping', () => {
    const s = { ...summary, peak: { baselineKw: 123456.7, withDrKw: 110000.1, reductionKw: 13456.6, reductionPct: 10.9 }, loadFactor: { baseline: 0.612, withDr: 0.655 } };
    const r = new Map(kpiRows({ summary: s }).map((x) => [x.id, x]));
    expect(r.get('peak.reductionKw')?.text).toBe('13,456.6 kW');
    expect(r.get('peak.reductionPct')?.text).toBe('10.90 %');
    expect(r.get('loadFactor.baseline')?.text).toBe('61.2 %');
    expect(r.get('loadFactor.withDr')?.value).toBeCloseTo(65.5, 10);
  });

  it('shows token payouts in human units, exactly, with the raw amount as detail', () => {
    const s = { ...summary, payouts: { ...summary.payouts, totalByToken: { GRID: '123456789012345678901234', pUSD: '456000000' }, decimals: { GRID: 18, pUSD: 6 } } };
    const r = new Map(kpiRows({ summary: s }).map((x) => [x.id, x]));
    expect(r.get('payouts.total.GRID')?.text).toBe('123,456.79 GRID');
    expect(r.get('payouts.total.GRID')?.detail).toContain('123456789012345678901234 smallest units, 18 decimals');
    expect(r.get('payouts.total.pUSD')?.text).toBe('456.00 pUSD');
    expect(r.get('payouts.total.pUSD')?.value).toBe(456);
  });

  it('states the prices behind the gas cost and the share of rejected reads', () => {
    expect(byId.get('gas.costUsd')?.detail).toBe('at 20.00 gwei and 3,000.00 USD/ETH');
    expect(byId.get('meters.readsRejected')?.detail).toMatch(/^of [\d,]+ reads \([\d.]+%\)$/);
  });

  it('orders tokens and faults by name and keeps groups contiguous', () => {
    const ids = rows.map((r) => r.id);
    expect(ids.indexOf('payouts.total.GRID')).toBeLessThan(ids.indexOf('payouts.total.pUSD'));
    expect(ids.indexOf('meters.byFault.clockDrift')).toBeLessThan(ids.indexOf('meters.byFault.tamper'));
    const groups = rows.map((r) => r.group).filter((g, i, all) => i === 0 || all[i - 1] !== g);
    expect(new Set(groups).size).toBe(groups.length);
  });

  it('leaves out accuracy rows the run does not have and shows a dash for null values', () => {
    const { forecast: _f, baseline: _b, crossCheck: _c, ...rest } = summary;
    const r = kpiRows({ summary: { ...rest, gas: { ...summary.gas, perConsumerEvent: null } } });
    expect(r.some((x) => x.id.startsWith('forecast.') || x.id.startsWith('baseline.') || x.id.startsWith('crossCheck.'))).toBe(false);
    expect(r.find((x) => x.id === 'gas.perConsumerEvent')?.text).toBe('–');
  });
});
