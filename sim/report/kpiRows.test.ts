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

  it('shows cost-effectiveness and the gas cost per consumer-event under each fee model when the run has them', () => {
    expect(byId.has('costEffectiveness.benefitCostPac')).toBe(summary.costEffectiveness !== undefined);
    const costEffectiveness = {
      programCostUsd: 81000.97,
      payoutsUsd: 25615.12,
      gasUsd: 21028,
      setupGasUsd: 34357.85,
      avoidedCapacityUsd: 7860.25,
      avoidedEnergyUsd: 2268.45,
      benefitCostPac: 0.125,
      benefitCostTrc: 0.125,
      usdPerKwPeakReduced: null,
      netBenefitUsd: -70872.27,
    };
    const feeModels = {
      l1: { costUsd: 55385.85, setupUsd: 34357.85, perConsumerEventUsd: 10.794359, gasPriceGwei: 20 },
      l2: { costUsd: 141.26, setupUsd: 87.31, perConsumerEventUsd: 0.027532, gasPriceGwei: 0.05 },
    };
    const s = { ...summary, costEffectiveness, gas: { ...summary.gas, feeModels } };
    const r = new Map(kpiRows({ summary: s }).map((x) => [x.id, x]));
    expect(r.get('costEffectiveness.programCostUsd')?.text).toBe('81,000.97 USD');
    expect(r.get('costEffectiveness.programCostUsd')?.detail).toBe('25,615.12 USD + 21,028.00 USD + 34,357.85 USD');
    expect(r.get('costEffectiveness.benefitCostPac')?.text).toBe('0.125');
    expect(r.get('costEffectiveness.usdPerKwPeakReduced')?.text).toBe('–');
    expect(r.get('costEffectiveness.netBenefitUsd')?.text).toBe('−70,872.27 USD');
    expect(r.get('gas.feeModels.l1.perConsumerEventUsd')?.text).toBe('10.7944 USD');
    expect(r.get('gas.feeModels.l2.perConsumerEventUsd')?.text).toBe('0.0275 USD');
    expect(r.get('gas.feeModels.l2.perConsumerEventUsd')?.detail).toBe('at 0.050 gwei plus the L1 data fee; 141.26 USD in all');
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
