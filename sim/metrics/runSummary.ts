import type { RunRecord } from '../engine/index.ts';
import { METER_FAULTS } from '../scenario/index.ts';
import { avoided } from './avoided.ts';
import { baselineAccuracy } from './baselineAccuracy.ts';
import { costSummary } from './costSummary.ts';
import { energyMetrics } from './energyMetrics.ts';
import { round, roundOrNull } from './fixed.ts';
import { forecastMapePct } from './forecastMapePct.ts';
import { gasSummary } from './gasSummary.ts';
import { loadFactor } from './loadFactor.ts';
import { payoutSummary } from './payoutSummary.ts';
import { intervalInstants } from './intervalInstants.ts';
import { peakMetrics } from './peakMetrics.ts';
import { peakShift } from './peakShift.ts';

export interface RunSummaryParameters {
  record: RunRecord;
  /** Per interval: 1 while an event is active. */
  eventActive: Float64Array;
  /** Per interval (hourly values held over the hour). */
  price: Float64Array;
  carbon: Float64Array;
  /** sha256 of the results files (timeseries, events, consumers, gas), in that order. */
  resultsSha256: string;
}


/** summary.json (docs/run-directory.md): the run's KPIs, computed from the engine's run record and rounded for the file. */
export function runSummary({ record: p, eventActive, price, carbon, resultsSha256 }: RunSummaryParameters) {
  const { scenario, baseAgg, drAgg, events, intervalsPerHour: iph } = p;
  const intervalHours = 1 / iph;
  const peak = peakMetrics({ baselineKw: baseAgg, withDrKw: drAgg });
  const instants = intervalInstants({ record: p });
  const shift = peakShift({ baselineKw: baseAgg, withDrKw: drAgg, eventActive, timeMs: instants, timezone: scenario.period.timezone, intervalsPerHour: iph });
  const energy = energyMetrics({ baselineKw: baseAgg, withDrKw: drAgg, eventActive, intervalHours });
  const net = Float64Array.from(baseAgg, (b, t) => (b - drAgg[t]!) * intervalHours);
  const saved = avoided({ curtailedKwhByInterval: net, priceUsdPerMwh: price, carbonKgPerKwh: carbon });
  const consumerEvents = events.reduce((a, e) => a + e.optedIn, 0);
  const participants = events.reduce((a, e) => a + e.participants, 0);
  const gas = gasSummary({ ledger: p.ledger, consumerEvents, gasPriceGwei: scenario.chain.gasPriceGwei, ethUsd: scenario.chain.ethUsd });
  const payouts = payoutSummary({ consumers: p.consumers, participants, tokenUsd: scenario.chain.tokenUsd });
  const costs = costSummary({
    record: p,
    consumerEvents,
    payoutsUsd: payouts.totalUsd,
    avoidedEnergyUsd: saved.costUsd,
    peakReductionKw: peak.reductionKw,
    baselinePeakKw: peak.baselineKw,
  });
  const accuracy = baselineAccuracy({ baselineKwh: p.baselineItems.baselineKwh, counterfactualKwh: p.baselineItems.counterfactualKwh });
  return {
    scenario: { name: scenario.name, seed: scenario.seed, sha256: p.scenarioSha256 },
    period: { start: scenario.period.start, end: scenario.period.end, intervalMinutes: 60 / iph, timezone: scenario.period.timezone },
    consumers: p.consumers.addresses.length,
    events: events.length,
    participants: { total: participants, meanPerEvent: events.length > 0 ? round(participants / events.length, 1) : 0 },
    avoided: { costUsd: round(saved.costUsd, 2), co2Kg: round(saved.co2Kg, 2) },
    meters: { reads: p.meters.reads, readsRejected: p.meters.rejected, byFault: Object.fromEntries(METER_FAULTS.map((kind, k) => [kind, p.meters.injected[k]!])) },
    peak: {
      baselineKw: round(peak.baselineKw, 1),
      withDrKw: round(peak.withDrKw, 1),
      reductionKw: round(peak.reductionKw, 1),
      reductionPct: round(peak.reductionPct, 2),
      baselinePeakTime: new Date(instants[peak.baselinePeakIndex]!).toISOString(),
      withDrPeakTime: new Date(instants[peak.withDrPeakIndex]!).toISOString(),
      eventHourReductionKw: roundOrNull(shift.eventHourReductionKw, 1),
      reductionAtBaselinePeakKw: round(shift.reductionAtBaselinePeakKw, 1),
      changeAtWithDrPeakKw: round(shift.changeAtWithDrPeakKw, 1),
      moved: shift.kind,
      explanation: shift.explanation,
    },
    energy: { curtailedKwh: round(energy.curtailedKwh, 1), reboundKwh: round(energy.reboundKwh, 1) },
    loadFactor: { baseline: round(loadFactor({ kw: baseAgg }), 4), withDr: round(loadFactor({ kw: drAgg }), 4) },
    payouts,
    gas: {
      total: gas.total,
      transactions: gas.transactions,
      perConsumerEvent: roundOrNull(gas.perConsumerEvent, 1),
      costUsd: round(gas.costUsd, 2),
      gasPriceGwei: gas.gasPriceGwei,
      ethUsd: gas.ethUsd,
      byFunction: gas.byFunction,
      feeModels: costs.feeModels,
    },
    costEffectiveness: costs.costEffectiveness,
    forecast: { model: p.forecastModel, mapePct: roundOrNull(forecastMapePct({ forecastKw: p.forecastKw, loadWithoutDrKw: baseAgg }).mapePct, 2) },
    baseline: { method: p.inputs.method.name, biasPct: roundOrNull(accuracy.biasPct, 2), rrmsePct: roundOrNull(accuracy.rrmsePct, 2) },
    crossCheck: p.crossCheck,
    thresholds: { stressKw: round(p.thresholds.stressKw, 1), emergencyKw: round(p.thresholds.emergencyKw, 1) },
    resultsSha256,
  };
}
