/**
 * Builds one frame column from table records: scatter onto the regular axis (DST repeats placed in
 * file order, duplicates per policy), negative check, aggregation over entities, concatenation of
 * several sources, fill from another table, then the missing-value policy (drop / interpolate /
 * fail) over runs of missing intervals. Every decision becomes a Finding.
 */
import { appendSource } from './appendSource.ts';
import { applyMissingPolicy } from './applyMissingPolicy.ts';
import { applyZeroRunPolicy } from './applyZeroRunPolicy.ts';
import { fillFromSource } from './fillFromSource.ts';
import type { Finding } from './finding.ts';
import type { Axis } from './frameAxis.ts';
import type { Policy, SourceSpec } from './manifest.ts';
import { markDstRepeatGaps } from './markDstRepeatGaps.ts';
import type { TableRecords } from './readTable.ts';
import { sourceSeries } from './sourceSeries.ts';

/** Values with, per interval, why it is missing (cause code) and the file line it came from (-1: none). */
export interface Series {
  readonly values: Float64Array;
  readonly cause: Uint8Array;
  readonly line: Int32Array;
  readonly file: string;
}

export interface AssembleColumnParameters {
  name: string;
  from: readonly SourceSpec[];
  fill?: SourceSpec;
  allowNegative: boolean;
  /** Check runs of exact zeros (load and consumer columns) per policy.zeroRun. */
  checkZeroRuns?: boolean;
  tables: ReadonlyMap<string, TableRecords>;
  axis: Axis;
  policy: Policy;
  /** Findings are appended here. */
  findings: Finding[];
}

export function assembleColumn(p: AssembleColumnParameters): Float64Array {
  const { name, axis, policy, findings } = p;
  const [first, ...rest] = p.from;
  const series = sourceSeries(p, first!);
  for (const source of rest) appendSource({ series, next: sourceSeries(p, source), name, axis, policy, findings });
  if (p.fill) fillFromSource({ series, fill: sourceSeries(p, p.fill), name, axis, findings });
  markDstRepeatGaps({ cause: series.cause, ambiguous: axis.ambiguous });
  applyMissingPolicy({ series, name, axis, policy, findings });
  if (p.checkZeroRuns && policy.zeroRun) applyZeroRunPolicy({ series, name, axis, zeroRun: policy.zeroRun, findings });
  return series.values;
}
