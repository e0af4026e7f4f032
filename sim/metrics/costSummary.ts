import type { RunRecord } from '../engine/index.ts';
import { costEffectiveness } from './costEffectiveness.ts';
import { feeModels } from './feeModels.ts';
import { round, roundOrNull } from './fixed.ts';

export interface CostSummaryParameters {
  record: RunRecord;
  /** Consumer-events that took part (Σ optedIn). */
  consumerEvents: number;
  /** summary.json payouts.totalUsd and avoided energy cost (USD), and the peak metrics. */
  payoutsUsd: number;
  avoidedEnergyUsd: number;
  peakReductionKw: number;
  baselinePeakKw: number;
}


/**
 * summary.json's `gas.feeModels` and `costEffectiveness` (docs/cost-effectiveness.md): the run's transactions priced on
 * L1 and on an OP Stack L2, and the Standard Practice Manual tests with the gas of the scenario's chosen fee model.
 * Set-up is every transaction mined before the period's first local midnight (deployment, wiring, registration, consent).
 */
export function costSummary({ record, consumerEvents, payoutsUsd, avoidedEnergyUsd, peakReductionKw, baselinePeakKw }: CostSummaryParameters) {
  const { scenario, inputs, clock } = record;
  const { chain } = scenario;
  const settings = scenario.costEffectiveness;
  const periodDays = inputs.days.length - inputs.periodOffset;
  const setupBefore = periodDays > 0 ? clock.secondsOf(inputs.days[inputs.periodOffset]!.epochDay, 0) : 0n;
  const { l2 } = chain;
  const fees = feeModels({
    ledger: record.ledger,
    consumerEvents,
    ethUsd: chain.ethUsd,
    l1GasPriceGwei: chain.gasPriceGwei,
    l2: { ...l2, l1BaseFeeGwei: l2.l1BaseFeeGwei ?? chain.gasPriceGwei },
    setupBefore,
  });
  const priced = fees[settings.feeModel];
  const ce = costEffectiveness({
    payoutsUsd,
    gasUsd: priced.costUsd - priced.setupUsd,
    setupGasUsd: priced.setupUsd,
    avoidedEnergyUsd,
    peakReductionKw,
    baselinePeakKw,
    periodDays,
    avoidedCapacityUsdPerKwYear: settings.avoidedCapacityUsdPerKwYear,
    participantCostShare: settings.participantCostShare,
    minPeakReductionPct: settings.minPeakReductionPct,
  });
  const cost = (c: { costUsd: number; setupUsd: number; perConsumerEventUsd: number | null }) => ({
    costUsd: round(c.costUsd, 2),
    setupUsd: round(c.setupUsd, 2),
    perConsumerEventUsd: roundOrNull(c.perConsumerEventUsd, 6),
  });
  return {
    feeModels: {
      l1: { ...cost(fees.l1), gasPriceGwei: chain.gasPriceGwei },
      l2: { ...cost(fees.l2), executionUsd: round(fees.l2.executionUsd, 2), l1DataUsd: round(fees.l2.l1DataUsd, 2), gasPriceGwei: l2.gasPriceGwei },
    },
    costEffectiveness: {
      programCostUsd: round(ce.programCostUsd, 2),
      payoutsUsd: round(ce.payoutsUsd, 2),
      gasUsd: round(ce.gasUsd, 2),
      setupGasUsd: round(ce.setupGasUsd, 2),
      avoidedCapacityUsd: round(ce.avoidedCapacityUsd, 2),
      avoidedEnergyUsd: round(ce.avoidedEnergyUsd, 2),
      benefitCostPac: roundOrNull(ce.benefitCostPac, 4),
      benefitCostTrc: roundOrNull(ce.benefitCostTrc, 4),
      usdPerKwPeakReduced: roundOrNull(ce.usdPerKwPeakReduced, 2),
      netBenefitUsd: round(ce.netBenefitUsd, 2),
    },
  };
}
