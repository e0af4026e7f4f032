/** Which way is better for a KPI: a higher value or a lower one. */
export type KpiDirection = 'higher' | 'lower';

/** A headline KPI of the comparison: where it is in summary.json, and which way is better. */
export interface HeadlineKpi {
  /** Path in summary.json (dots). */
  path: string;
  label: string;
  unit: string;
  better: KpiDirection;
  decimals: number;
  /** Compared only where the peak reduction is clearly above zero (a cost per kW of nearly nothing is noise). */
  needsPeakReduction?: boolean;
}

/**
 * The six KPIs a verdict rests on, with the direction that counts as better (docs/compare.md has the same table).
 * Cost-effectiveness KPIs may be missing from older run directories: they are then "n/a", never an error.
 */
export const HEADLINE_KPIS: readonly HeadlineKpi[] = [
  { path: 'peak.reductionKw', label: 'Peak reduction', unit: 'kW', better: 'higher', decimals: 1 },
  // the behavioural effect (what consumers shed while events run), which a system-peak Δ can hide when rebound sets the peak
  { path: 'peak.eventHourReductionKw', label: 'Load reduction in event hours (mean)', unit: 'kW', better: 'higher', decimals: 1 },
  { path: 'costEffectiveness.netBenefitUsd', label: 'Net benefit', unit: 'USD', better: 'higher', decimals: 0 },
  { path: 'costEffectiveness.usdPerKwPeakReduced', label: 'Cost per kW of peak reduced', unit: 'USD/kW', better: 'lower', decimals: 2, needsPeakReduction: true },
  { path: 'payouts.totalUsd', label: 'Payouts', unit: 'USD', better: 'lower', decimals: 0 },
  { path: 'gas.costUsd', label: 'Gas cost', unit: 'USD', better: 'lower', decimals: 2 },
  { path: 'payouts.gini', label: 'Payout inequality (Gini)', unit: '', better: 'lower', decimals: 4 },
];

/** A KPI read from summary.json by its dotted path: a finite number, or null when missing or not a number. */
export function readKpi({ summary, path }: { summary: unknown; path: string }): number | null {
  let value: unknown = summary;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object') return null;
    value = (value as Record<string, unknown>)[key];
  }
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
