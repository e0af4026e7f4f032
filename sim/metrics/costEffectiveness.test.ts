import { describe, expect, it } from 'vitest';
import { MetricInputError } from '../errors.ts';
import { type CostEffectivenessParameters, costEffectiveness } from './costEffectiveness.ts';

const base: CostEffectivenessParameters = {
  payoutsUsd: 1000,
  gasUsd: 300,
  setupGasUsd: 700,
  avoidedEnergyUsd: 500,
  peakReductionKw: 1000,
  baselinePeakKw: 50_000,
  periodDays: 73,
  avoidedCapacityUsdPerKwYear: 100,
  participantCostShare: 0.5,
  minPeakReductionPct: 0.5,
};

describe('costEffectiveness', () => {
  it('computes program cost, prorated avoided capacity, PAC and TRC ratios, $/kW and the PAC net benefit', () => {
    const r = costEffectiveness(base);
    expect(r.programCostUsd).toBe(2000);
    expect(r.avoidedCapacityUsd).toBeCloseTo(1000 * 100 * (73 / 365), 9); // 20,000
    // PAC: (20,000 + 500) / 2,000
    expect(r.benefitCostPac).toBeCloseTo(10.25, 9);
    // TRC: incentives are transfers, replaced by participant costs 0.5 × 1,000: 20,500 / (300 + 700 + 500)
    expect(r.benefitCostTrc).toBeCloseTo(20_500 / 1500, 9);
    expect(r.usdPerKwPeakReduced).toBe(2);
    expect(r.netBenefitUsd).toBeCloseTo(18_500, 9);
    expect([r.payoutsUsd, r.gasUsd, r.setupGasUsd, r.avoidedEnergyUsd]).toEqual([1000, 300, 700, 500]);
  });

  it('TRC equals PAC when participant costs equal the incentives', () => {
    const r = costEffectiveness({ ...base, participantCostShare: 1 });
    expect(r.benefitCostTrc).toBeCloseTo(r.benefitCostPac!, 12);
  });

  it('gives no $/kW when the peak reduction is below the threshold share of the baseline peak, or not positive', () => {
    expect(costEffectiveness({ ...base, peakReductionKw: 249 }).usdPerKwPeakReduced).toBeNull(); // 0.498 % < 0.5 %
    expect(costEffectiveness({ ...base, peakReductionKw: 250 }).usdPerKwPeakReduced).toBe(8);
    const raised = costEffectiveness({ ...base, peakReductionKw: -300, minPeakReductionPct: 0 });
    expect(raised.usdPerKwPeakReduced).toBeNull();
    expect(raised.avoidedCapacityUsd).toBeLessThan(0); // a higher peak costs capacity
  });

  it('has no ratio without costs, and refuses negative costs', () => {
    const free = costEffectiveness({ ...base, payoutsUsd: 0, gasUsd: 0, setupGasUsd: 0 });
    expect(free.benefitCostPac).toBeNull();
    expect(free.benefitCostTrc).toBeNull();
    expect(() => costEffectiveness({ ...base, gasUsd: -1 })).toThrow(MetricInputError);
  });
});
