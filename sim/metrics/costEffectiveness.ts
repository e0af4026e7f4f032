import { MetricInputError } from '../errors.ts';

export interface CostEffectivenessParameters {
  /** Incentives paid (USD). */
  payoutsUsd: number;
  /** Gas of the period's transactions and of the set-up before it (USD, one fee model). */
  gasUsd: number;
  setupGasUsd: number;
  /** Energy cost avoided, net of rebound (summary.json avoided.costUsd, USD). */
  avoidedEnergyUsd: number;
  /** System peak reduction (kW; negative when DR raised the peak) and the baseline peak it is a share of. */
  peakReductionKw: number;
  baselinePeakKw: number;
  /** Days of the period (the avoided capacity is prorated: × days / 365). */
  periodDays: number;
  avoidedCapacityUsdPerKwYear: number;
  /** Participant cost as a share of the incentives (TRC). */
  participantCostShare: number;
  /** usdPerKwPeakReduced only when the peak fell by at least this share of the baseline peak (%). */
  minPeakReductionPct: number;
}

export interface CostEffectivenessResult {
  /** payouts + gas + set-up gas: the program administrator's cost. */
  programCostUsd: number;
  payoutsUsd: number;
  gasUsd: number;
  setupGasUsd: number;
  /** peakReductionKw × avoidedCapacityUsdPerKwYear × periodDays / 365. */
  avoidedCapacityUsd: number;
  avoidedEnergyUsd: number;
  /** Program administrator cost test: (capacity + energy avoided) / programCostUsd; null when the cost is 0. */
  benefitCostPac: number | null;
  /** Total resource cost test: the same benefits / (gas + set-up gas + participant costs); incentives are transfers. */
  benefitCostTrc: number | null;
  /** programCostUsd / peakReductionKw; null unless the peak fell by ≥ minPeakReductionPct % of the baseline peak. */
  usdPerKwPeakReduced: number | null;
  /** PAC net benefit: benefits − programCostUsd. */
  netBenefitUsd: number;
}

/**
 * A run's cost-effectiveness after the California Standard Practice Manual (CPUC 2001) and the CPUC's 2010 DR
 * cost-effectiveness protocols (docs/cost-effectiveness.md): program cost, avoided capacity and energy, the PAC and
 * TRC benefit/cost ratios, cost per kW of peak reduced and the PAC net benefit.
 */
export function costEffectiveness(p: CostEffectivenessParameters): CostEffectivenessResult {
  for (const [name, value] of Object.entries(p).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const signed = name === 'peakReductionKw' || name === 'avoidedEnergyUsd';
    if (!Number.isFinite(value) || (!signed && value < 0)) throw new MetricInputError(`costEffectiveness: ${name} must be a ${signed ? 'finite' : 'non-negative'} number, got ${value}`);
  }
  const programCostUsd = p.payoutsUsd + p.gasUsd + p.setupGasUsd;
  const avoidedCapacityUsd = (p.peakReductionKw * p.avoidedCapacityUsdPerKwYear * p.periodDays) / 365;
  const benefits = avoidedCapacityUsd + p.avoidedEnergyUsd;
  const trcCost = p.gasUsd + p.setupGasUsd + p.participantCostShare * p.payoutsUsd;
  const meaningful = p.peakReductionKw > 0 && p.baselinePeakKw > 0 && (100 * p.peakReductionKw) / p.baselinePeakKw >= p.minPeakReductionPct;
  return {
    programCostUsd,
    payoutsUsd: p.payoutsUsd,
    gasUsd: p.gasUsd,
    setupGasUsd: p.setupGasUsd,
    avoidedCapacityUsd,
    avoidedEnergyUsd: p.avoidedEnergyUsd,
    benefitCostPac: programCostUsd > 0 ? benefits / programCostUsd : null,
    benefitCostTrc: trcCost > 0 ? benefits / trcCost : null,
    usdPerKwPeakReduced: meaningful ? programCostUsd / p.peakReductionKw : null,
    netBenefitUsd: benefits - programCostUsd,
  };
}
