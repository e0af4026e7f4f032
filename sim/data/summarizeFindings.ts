import type { Finding, FindingAction, FindingKind } from './finding.ts';

export interface SummarizeFindingsParameters {
  findings: readonly Finding[];
}

export interface FindingSummaryRow {
  kind: FindingKind;
  action: FindingAction;
  /** Number of findings. */
  findings: number;
  /** Intervals / rows covered (sum of `count`). */
  intervals: number;
  /** Affected columns (sorted, at most 6 named). */
  columns: string;
}

export interface SummarizeFindingsResult {
  rows: FindingSummaryRow[];
  /** Human-readable table, one line per kind × action. */
  text: string;
}

/** Groups findings by kind and action, in a stable order (kind, then action). */
export function summarizeFindings({ findings }: SummarizeFindingsParameters): SummarizeFindingsResult {
  const groups = new Map<string, { kind: FindingKind; action: FindingAction; findings: number; intervals: number; columns: Set<string> }>();
  for (const f of findings) {
    const key = `${f.kind}\u0000${f.action}`;
    let g = groups.get(key);
    if (!g) {
      g = { kind: f.kind, action: f.action, findings: 0, intervals: 0, columns: new Set() };
      groups.set(key, g);
    }
    g.findings++;
    g.intervals += f.count;
    g.columns.add(f.column);
  }
  const rows = [...groups.values()]
    .sort((a, b) => (a.kind === b.kind ? (a.action < b.action ? -1 : 1) : a.kind < b.kind ? -1 : 1))
    .map((g) => {
      const cols = [...g.columns].sort();
      return {
        kind: g.kind,
        action: g.action,
        findings: g.findings,
        intervals: g.intervals,
        columns: cols.slice(0, 6).join(', ') + (cols.length > 6 ? ` … (+${cols.length - 6})` : ''),
      };
    });
  const text =
    rows.length === 0
      ? 'no findings'
      : rows.map((r) => `${r.kind.padEnd(16)} ${r.action.padEnd(11)} ${String(r.findings).padStart(6)} finding(s) ${String(r.intervals).padStart(8)} interval(s)  ${r.columns}`).join('\n');
  return { rows, text };
}
