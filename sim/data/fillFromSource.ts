import type { Series } from './assembleColumn.ts';
import type { Axis } from './frameAxis.ts';
import { CAUSE_OK, causeText, type Finding } from './finding.ts';
import { isoInstant } from './isoInstant.ts';

export interface FillFromSourceParameters {
  /** The column so far (changed in place). */
  series: Series;
  /** The manifest's `fill` source, e.g. a competition's solution file. */
  fill: Series;
  name: string;
  axis: Axis;
  /** Findings are appended here. */
  findings: Finding[];
}

/** Takes every interval still missing from `fill` where it has a value; each run of filled intervals is one finding saying what they were. */
export function fillFromSource({ series, fill, name, axis, findings }: FillFromSourceParameters): void {
  const { values, cause, line } = series;
  const n = axis.length;
  let runStart = -1;
  let runCause = CAUSE_OK;
  const flush = (end: number) => {
    if (runStart < 0) return;
    findings.push({
      kind: 'filled',
      column: name,
      timestamp: isoInstant(axis.time[runStart]!),
      file: fill.file,
      line: fill.line[runStart]! >= 0 ? fill.line[runStart]! : null,
      count: end - runStart,
      action: 'fill',
      message: `${end - runStart} interval(s) filled from ${fill.file} (were: ${causeText[runCause] ?? 'missing'})`,
    });
    runStart = -1;
  };
  for (let i = 0; i < n; i++) {
    const fillable = Number.isNaN(values[i]!) && !Number.isNaN(fill.values[i]!);
    if (fillable) {
      if (runStart < 0) {
        runStart = i;
        runCause = cause[i]!;
      }
      values[i] = fill.values[i]!;
      cause[i] = CAUSE_OK;
      line[i] = fill.line[i]!;
    } else flush(i);
  }
  flush(n);
}
