/** Test support: a tiny valid run summary (docs/run-directory.md), with overrides. Not part of the stage's API. */
import { type RunSummary, runSummarySchema } from '../report/index.ts';

export function tinySummary(overrides: { reductionKw?: number; pUSD?: string; events?: number; mismatches?: number } = {}): RunSummary {
  return runSummarySchema.parse({
    scenario: { name: 'tiny', seed: 7, sha256: 'ab' },
    period: { start: '2007-07-01', end: '2007-07-03', intervalMinutes: 60, timezone: 'America/New_York' },
    consumers: 10,
    events: overrides.events ?? 2,
    participants: { total: 15, meanPerEvent: 7.5 },
    avoided: { costUsd: 12.5, co2Kg: 30.25 },
    meters: { reads: 720, readsRejected: 3, byFault: { missing: 3 } },
    peak: { baselineKw: 100, withDrKw: 90, reductionKw: overrides.reductionKw ?? 10, reductionPct: 10 },
    energy: { curtailedKwh: 40, reboundKwh: 8 },
    loadFactor: { baseline: 0.6, withDr: 0.65 },
    payouts: { totalByToken: { pUSD: overrides.pUSD ?? '12500000' }, decimals: { pUSD: 6 }, totalUsd: 12.5, meanPerParticipant: { pUSD: '833333' }, gini: 0.3 },
    gas: {
      total: 1_000_000,
      perConsumerEvent: 4321.5,
      costUsd: 60,
      gasPriceGwei: 20,
      ethUsd: 3000,
      byFunction: {},
      feeModels: {
        l1: { costUsd: 60, setupUsd: 40, perConsumerEventUsd: 4, gasPriceGwei: 20 },
        l2: { costUsd: 0.16, setupUsd: 0.1, perConsumerEventUsd: 0.010667, executionUsd: 0.15, l1DataUsd: 0.01, gasPriceGwei: 0.05 },
      },
    },
    costEffectiveness: {
      programCostUsd: 72.5,
      payoutsUsd: 12.5,
      gasUsd: 20,
      setupGasUsd: 40,
      avoidedCapacityUsd: 8.1,
      avoidedEnergyUsd: 12.5,
      benefitCostPac: 0.2841,
      benefitCostTrc: 0.2841,
      usdPerKwPeakReduced: 7.25,
      netBenefitUsd: -51.9,
    },
    crossCheck: { consumersChecked: 10, mismatches: overrides.mismatches ?? 0 },
  });
}
