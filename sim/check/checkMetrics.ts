import type { RunSummary } from '../report/index.ts';
import type { Tolerance } from './goldenSchema.ts';

/** A metric the check compares: a dotted path into summary.json, its unit and the tolerance a new golden file gets. */
export interface CheckMetric {
  readonly id: string;
  readonly unit: string;
  readonly tolerance: Tolerance;
}

const counts: Tolerance = { abs: 0 };
const close: Tolerance = { rel: 0.02 };

/**
 * The economic outcomes `peaklab check` guards by default (a new golden file lists these; edit the file to add or
 * drop metrics, or to change a tolerance — `--update` keeps both). Token totals are in whole tokens.
 */
export const CHECK_METRICS: readonly CheckMetric[] = Object.freeze([
  { id: 'events', unit: 'events', tolerance: counts },
  { id: 'participants.total', unit: 'consumer-events', tolerance: { rel: 0.02 } },
  { id: 'peak.withDrKw', unit: 'kW', tolerance: { rel: 0.005 } },
  { id: 'peak.reductionKw', unit: 'kW', tolerance: close },
  { id: 'peak.reductionPct', unit: '%', tolerance: { abs: 0.1 } },
  { id: 'energy.curtailedKwh', unit: 'kWh', tolerance: close },
  { id: 'energy.reboundKwh', unit: 'kWh', tolerance: close },
  { id: 'loadFactor.withDr', unit: '', tolerance: { abs: 0.005 } },
  { id: 'payouts.totalByToken.GRID', unit: 'GRID', tolerance: close },
  { id: 'payouts.totalByToken.pUSD', unit: 'pUSD', tolerance: close },
  { id: 'payouts.totalUsd', unit: 'USD', tolerance: close },
  { id: 'payouts.gini', unit: '', tolerance: { abs: 0.02 } },
  { id: 'gas.total', unit: 'gas', tolerance: { rel: 0.05 } },
  { id: 'gas.perConsumerEvent', unit: 'gas', tolerance: { rel: 0.05 } },
  { id: 'gas.costUsd', unit: 'USD', tolerance: { rel: 0.05 } },
  { id: 'avoided.costUsd', unit: 'USD', tolerance: close },
  { id: 'avoided.co2Kg', unit: 'kg CO₂', tolerance: close },
  { id: 'gas.feeModels.l1.perConsumerEventUsd', unit: 'USD', tolerance: { rel: 0.05 } },
  { id: 'gas.feeModels.l2.perConsumerEventUsd', unit: 'USD', tolerance: { rel: 0.05 } },
  { id: 'costEffectiveness.programCostUsd', unit: 'USD', tolerance: { rel: 0.05 } },
  { id: 'costEffectiveness.avoidedCapacityUsd', unit: 'USD', tolerance: close },
  { id: 'costEffectiveness.benefitCostPac', unit: '', tolerance: { rel: 0.05 } },
  { id: 'costEffectiveness.benefitCostTrc', unit: '', tolerance: { rel: 0.05 } },
  { id: 'costEffectiveness.usdPerKwPeakReduced', unit: 'USD/kW', tolerance: { rel: 0.05 } },
  { id: 'costEffectiveness.netBenefitUsd', unit: 'USD', tolerance: { rel: 0.05 } },
  { id: 'crossCheck.mismatches', unit: 'consumers', tolerance: counts },
]);

export interface SummaryMetricParameters {
  summary: RunSummary;
  /** Dotted path into summary.json, e.g. `peak.reductionKw` or `payouts.totalByToken.pUSD`. */
  metric: string;
}

/**
 * A metric's value in a run summary: numbers as they are; token amounts (decimal strings of smallest units
 * under `payouts.totalByToken` / `payouts.meanPerParticipant`) in whole tokens. Null when the run has none.
 */
export function summaryMetric({ summary, metric }: SummaryMetricParameters): number | null {
  let value: unknown = summary;
  for (const key of metric.split('.')) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return null;
    value = (value as Record<string, unknown>)[key];
  }
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const token = /^payouts\.(totalByToken|meanPerParticipant)\.(.+)$/.exec(metric);
  if (typeof value === 'string' && /^\d+$/.test(value) && token) {
    const decimals = summary.payouts.decimals[token[2]] ?? 0;
    const units = BigInt(value);
    const scale = 10n ** BigInt(decimals);
    return Number(units / scale) + Number(units % scale) / Number(scale);
  }
  return null;
}
