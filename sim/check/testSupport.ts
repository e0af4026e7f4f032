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
    gas: { total: 1_000_000, perConsumerEvent: 4321.5, costUsd: 60, gasPriceGwei: 20, ethUsd: 3000, byFunction: {} },
    crossCheck: { consumersChecked: 10, mismatches: overrides.mismatches ?? 0 },
  });
}
