import { holm, pairedDifference } from '../stats/index.ts';
import { HEADLINE_KPIS, type HeadlineKpi } from './headlineKpis.ts';

/** How a proposal did against the status quo on one KPI. */
export type KpiVerdict = 'better' | 'worse' | 'not distinguishable' | 'n/a';

/** One proposal × one KPI: per-seed paired Δs (proposal − status quo), their mean, 95 % t interval and verdict. */
export interface PairedKpi {
  path: string;
  label: string;
  unit: string;
  better: HeadlineKpi['better'];
  /** proposal − status quo, per seed (null where either run lacks the KPI). */
  deltas: (number | null)[];
  n: number;
  mean: number | null;
  low: number | null;
  high: number | null;
  /** Paired t-test p-value and its Holm-adjusted value across this proposal's tested KPIs. */
  p: number | null;
  pHolm: number | null;
  verdict: KpiVerdict;
  /** Why the KPI is n/a (missing, too few seeds, peak reduction not clearly above zero). */
  note?: string;
}

export interface PairedKpisParameters {
  /** Each run's KPI values per seed: `values[path][seedIndex]`. */
  statusQuo: Readonly<Record<string, readonly (number | null)[]>>;
  proposal: Readonly<Record<string, readonly (number | null)[]>>;
  alpha?: number;
  kpis?: readonly HeadlineKpi[];
}

/** The lower end of the 95 % t interval of a run's own values across seeds (is it clearly above zero?). */
function lowerBound(values: readonly (number | null)[]): number | null {
  return pairedDifference({ treatment: values, reference: values.map((v) => (v === null ? null : 0)) }).low;
}

/**
 * A proposal against the status quo on every headline KPI, paired per seed. A KPI is better (worse) when Holm's
 * correction across the tested KPIs keeps its paired t-test at family-wise α (default 0.05) and the mean Δ points the
 * better (worse) way; otherwise not distinguishable. $/kW is tested only when both runs' peak reduction has a 95 %
 * interval above zero and every seed has the value.
 */
export function pairedKpis({ statusQuo, proposal, alpha = 0.05, kpis = HEADLINE_KPIS }: PairedKpisParameters): PairedKpi[] {
  const peak = (values: Readonly<Record<string, readonly (number | null)[]>>) => lowerBound(values['peak.reductionKw'] ?? []);
  const peakClear = (peak(statusQuo) ?? 0) > 0 && (peak(proposal) ?? 0) > 0;
  const rows = kpis.map((kpi) => {
    const reference = statusQuo[kpi.path] ?? [];
    const treatment = proposal[kpi.path] ?? reference.map(() => null);
    const diff = pairedDifference({ treatment, reference });
    let note: string | undefined;
    if (diff.n === 0) note = 'not in these run directories';
    else if (diff.p === null) note = 'needs 2 or more seeds';
    else if (kpi.needsPeakReduction === true && (!peakClear || diff.n < reference.length)) note = 'peak reduction not clearly above zero';
    return { kpi, diff, note };
  });
  const { adjusted, rejected } = holm({ pValues: rows.map((r) => (r.note === undefined ? r.diff.p : null)), alpha });
  return rows.map(({ kpi, diff, note }, i) => {
    const up = (diff.mean ?? 0) > 0;
    const verdict: KpiVerdict = note !== undefined ? 'n/a' : !rejected[i] ? 'not distinguishable' : up === (kpi.better === 'higher') ? 'better' : 'worse';
    return {
      path: kpi.path,
      label: kpi.label,
      unit: kpi.unit,
      better: kpi.better,
      deltas: diff.deltas,
      n: diff.n,
      mean: diff.mean,
      low: diff.low,
      high: diff.high,
      p: note === undefined ? diff.p : null,
      pHolm: adjusted[i],
      verdict,
      ...(note === undefined ? {} : { note }),
    };
  });
}
