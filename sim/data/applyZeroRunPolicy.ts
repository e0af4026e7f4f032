import type { Series } from './assembleColumn.ts';
import type { Axis } from './frameAxis.ts';
import type { Finding } from './finding.ts';
import { isoInstant } from './isoInstant.ts';
import type { Policy } from './manifest.ts';

export interface ApplyZeroRunPolicyParameters {
  /** The column (values set missing in place when the policy drops). */
  series: Series;
  name: string;
  axis: Axis;
  zeroRun: NonNullable<Policy['zeroRun']>;
  /** Findings are appended here. */
  findings: Finding[];
}

/** policy.zeroRun: a run of at least minRun exact zeros (often a missing reading written as 0) is kept, dropped or fails, and reported. */
export function applyZeroRunPolicy({ series, name, axis, zeroRun: zr, findings }: ApplyZeroRunPolicyParameters): void {
  const { values, line } = series;
  const n = axis.length;
  for (let k = 0; k < n; ) {
    if (values[k] !== 0) {
      k++;
      continue;
    }
    let e = k;
    while (e < n && values[e] === 0) e++;
    if (e - k >= zr.minRun) {
      findings.push({
        kind: 'zeroRun',
        column: name,
        timestamp: isoInstant(axis.time[k]!),
        file: series.file,
        line: line[k]! >= 0 ? line[k]! : null,
        count: e - k,
        action: zr.action,
        message: `${e - k} consecutive zero interval(s) (at least ${zr.minRun}: often a missing reading written as 0); ${
          zr.action === 'drop' ? 'set missing (NaN)' : zr.action === 'keep' ? 'kept' : 'policy zeroRun: fail'
        }`,
      });
      if (zr.action === 'drop') values.fill(Number.NaN, k, e);
    }
    k = e;
  }
}
