import type { Series } from './assembleColumn.ts';
import type { Axis } from './frameAxis.ts';
import { CAUSE_GAP, type Finding } from './finding.ts';
import { isoInstant } from './isoInstant.ts';
import type { Policy } from './manifest.ts';

export interface AppendSourceParameters {
  /** The column so far (changed in place). */
  series: Series;
  /** A further source of the same column, e.g. the next year's file. */
  next: Series;
  name: string;
  axis: Axis;
  policy: Policy;
  /** Findings are appended here. */
  findings: Finding[];
}

/** Concatenates sources in time: `next` fills the intervals the column has no row for; an interval both have keeps the earlier source's value (a duplicate finding). */
export function appendSource({ series, next, name, axis, policy, findings }: AppendSourceParameters): void {
  const { values, cause, line } = series;
  for (let i = 0; i < axis.length; i++) {
    if (next.cause[i] === CAUSE_GAP) continue;
    if (cause[i] === CAUSE_GAP) {
      values[i] = next.values[i]!;
      cause[i] = next.cause[i]!;
      line[i] = next.line[i]!;
    } else {
      findings.push({
        kind: 'duplicate',
        column: name,
        timestamp: isoInstant(axis.time[i]!),
        file: next.file,
        line: next.line[i]!,
        count: 1,
        action: policy.duplicate === 'fail' ? 'fail' : 'keepFirst',
        message: `interval also present in an earlier source (${series.file}); the earlier value is kept`,
      });
    }
  }
}
