import type { RunSummary } from '../report/index.ts';
import type { Golden, Tolerance } from './goldenSchema.ts';
import { summaryMetric } from './checkMetrics.ts';

export type CheckStatus = 'ok' | 'breach' | 'missing';

/** One line of the check table. */
export interface CheckRow {
  metric: string;
  unit: string;
  golden: number | null;
  now: number | null;
  /** now − golden (null when either is missing). */
  delta: number | null;
  /** The largest |delta| allowed: max(abs, rel × |golden|). */
  allowed: number | null;
  tolerance: Tolerance;
  status: CheckStatus;
}

export interface CompareGoldenParameters {
  golden: Golden;
  summary: RunSummary;
}

export interface CompareGoldenResult {
  rows: CheckRow[];
  /** True when no row breaches (and nothing the golden file lists is missing). */
  passed: boolean;
}

// Float noise allowance on top of the tolerance, relative to the golden value.
const EPSILON = 1e-9;

/**
 * Compares a run's summary with a golden file, metric by metric in the golden file's order. A metric passes when
 * |now − golden| ≤ max(abs, rel × |golden|) (either tolerance suffices). A metric the golden file lists but the
 * run lacks is `missing` (a failure); a metric absent from both (golden value null) passes.
 */
export function compareGolden({ golden, summary }: CompareGoldenParameters): CompareGoldenResult {
  const rows: CheckRow[] = [];
  for (const [metric, entry] of Object.entries(golden.metrics)) {
    const now = summaryMetric({ summary, metric });
    const base = { metric, unit: entry.unit ?? '', golden: entry.value, now, tolerance: entry.tolerance };
    if (entry.value === null || now === null) {
      const status: CheckStatus = entry.value === null && now === null ? 'ok' : now === null ? 'missing' : 'breach';
      rows.push({ ...base, delta: null, allowed: null, status });
      continue;
    }
    const delta = now - entry.value;
    const allowed = Math.max(entry.tolerance.abs ?? 0, (entry.tolerance.rel ?? 0) * Math.abs(entry.value));
    const ok = Math.abs(delta) <= allowed + EPSILON * Math.max(1, Math.abs(entry.value));
    rows.push({ ...base, delta, allowed, status: ok ? 'ok' : 'breach' });
  }
  return { rows, passed: rows.every((r) => r.status === 'ok') };
}
