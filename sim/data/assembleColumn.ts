/**
 * Builds one frame column from table records: scatter onto the regular axis (DST repeats placed in
 * file order, duplicates per policy), negative check, aggregation over entities, concatenation of
 * several sources, fill from another table, then the missing-value policy (drop / interpolate /
 * fail) over runs of missing intervals. Every decision becomes a Finding.
 */
import { DatasetError } from '../errors.ts';
import {
  CAUSE_DST_REPEAT,
  CAUSE_DUPLICATE,
  CAUSE_GAP,
  CAUSE_MISSING,
  CAUSE_NEGATIVE,
  CAUSE_NON_NUMERIC,
  CAUSE_OK,
  type Finding,
  type FindingAction,
  causeKinds,
} from './finding.ts';
import type { FindingKind, Policy, SourceSpec } from './manifest.ts';
import type { TableRecords } from './readTable.ts';

/** The regular time axis of a frame. */
export interface Axis {
  readonly start: number;
  readonly stepMs: number;
  readonly length: number;
  readonly time: Float64Array;
  /** 1 where the interval's local wall time occurs twice (DST fall-back), for prevailing-clock data. */
  readonly ambiguous: Uint8Array;
}

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

const iso = (t: number) => new Date(t).toISOString();

function tableOf(tables: ReadonlyMap<string, TableRecords>, id: string): TableRecords {
  const t = tables.get(id);
  if (!t) throw new DatasetError(`Unknown table ${id}`, { hint: 'Declare the table under tables: in the manifest.' });
  return t;
}

/** One entity's field of one table on the axis, with duplicates and negatives handled. */
function entitySeries(
  p: AssembleColumnParameters,
  records: TableRecords,
  entityKey: string | undefined,
  field: string,
  label: string,
): Series {
  const { axis, policy, findings } = p;
  const file = records.table.file;
  const values = new Float64Array(axis.length).fill(Number.NaN);
  const cause = new Uint8Array(axis.length).fill(CAUSE_GAP);
  const line = new Int32Array(axis.length).fill(-1);
  let counts: Uint16Array | undefined;
  const data = records.values.get(field);
  if (!data) throw new DatasetError(`Field ${field || '(hours)'} of table ${records.table.id} was not read`, { hint: 'internal' });
  let ent = -1;
  if (entityKey !== undefined) {
    ent = records.entityKeys.indexOf(entityKey);
    if (ent < 0) {
      throw new DatasetError(`Entity "${entityKey}" does not occur in ${file}`, {
        details: `column ${p.name}; entities in ${records.table.entity}: ${records.entityKeys.slice(0, 40).join(', ')}`,
        hint: 'Fix entity/entities in the manifest column source.',
      });
    }
  }
  for (let r = 0; r < records.length; r++) {
    if (ent >= 0 && records.entity[r] !== ent) continue;
    const rel = records.instant[r]! - axis.start;
    let idx = rel / axis.stepMs;
    if (idx < 0 || idx >= axis.length) continue;
    if (!Number.isInteger(idx)) {
      throw new DatasetError(`Row time is off the ${axis.stepMs / 60_000}-minute grid`, {
        details: `${file}:${records.line[r]} at ${iso(records.instant[r]!)}`,
        hint: 'Check time.resolutionMinutes and the time format in the manifest.',
      });
    }
    const v = data.values[r]!;
    const c = data.cause[r]!;
    if (cause[idx] !== CAUSE_GAP && !Number.isNaN(records.repeat[r]!)) {
      // Second row for a local time that occurs twice: it is the second occurrence.
      const idx2 = (records.repeat[r]! - axis.start) / axis.stepMs;
      if (idx2 >= 0 && idx2 < axis.length && cause[idx2] === CAUSE_GAP) {
        findings.push({
          kind: 'dstRepeat',
          column: label,
          timestamp: iso(records.repeat[r]!),
          file,
          line: records.line[r]!,
          count: 1,
          action: 'keep',
          message: `repeated fall-back hour given twice: first row at line ${line[idx]} → ${iso(axis.time[idx]!)}, this row → ${iso(records.repeat[r]!)} (file order)`,
        });
        idx = idx2;
      }
    }
    if (cause[idx] === CAUSE_GAP) {
      values[idx] = v;
      cause[idx] = c;
      line[idx] = records.line[r]!;
      continue;
    }
    // Duplicate.
    const action: FindingAction = policy.duplicate;
    findings.push({
      kind: 'duplicate',
      column: label,
      timestamp: iso(axis.time[idx]!),
      file,
      line: records.line[r]!,
      count: 1,
      action,
      message: `second row for this interval (first at line ${line[idx]}): ${
        action === 'keepFirst' ? 'first kept' : action === 'mean' ? 'values averaged' : action === 'drop' ? 'interval set missing' : 'policy duplicate: fail'
      }`,
    });
    if (action === 'drop') {
      values[idx] = Number.NaN;
      cause[idx] = CAUSE_DUPLICATE;
    } else if (action === 'mean' && cause[idx] === CAUSE_OK && c === CAUSE_OK) {
      counts ??= new Uint16Array(axis.length).fill(1);
      values[idx] = (values[idx]! * counts[idx]! + v) / (counts[idx]! + 1);
      counts[idx]!++;
    }
  }
  if (!p.allowNegative) {
    for (let i = 0; i < axis.length; i++) {
      if (!(values[i]! < 0)) continue;
      const action = policy.negative;
      if (action === 'keep' || action === 'fail') {
        findings.push({
          kind: 'negative',
          column: label,
          timestamp: iso(axis.time[i]!),
          file,
          line: line[i]!,
          count: 1,
          action,
          message: `negative value ${values[i]} in a column that does not allow negatives: ${action === 'keep' ? 'kept' : 'policy negative: fail'}`,
        });
      } else {
        values[i] = Number.NaN;
        cause[i] = CAUSE_NEGATIVE;
      }
    }
  }
  return { values, cause, line, file };
}

/** A source: one entity, all rows (no entity), or several entities aggregated. */
function sourceSeries(p: AssembleColumnParameters, source: SourceSpec): Series {
  const records = tableOf(p.tables, source.table);
  const field = source.field ?? '';
  const label = (entity: string | undefined) => (entity === undefined ? p.name : `${p.name} (${records.table.entity}=${entity})`);
  if (source.entities === undefined) {
    if (source.entity === undefined && records.table.entity !== undefined && records.entityKeys.length > 1) {
      throw new DatasetError(`Column ${p.name} reads table ${source.table} without choosing an entity`, {
        details: `${records.table.file} has ${records.entityKeys.length} entities in ${records.table.entity}`,
        hint: 'Add entity: <key> or entities: [...] with aggregate: sum|mean to the column source.',
      });
    }
    return entitySeries(p, records, source.entity, field, label(source.entity));
  }
  const parts = source.entities.map((e) => entitySeries(p, records, e, field, label(e)));
  const n = p.axis.length;
  const values = new Float64Array(n);
  const cause = new Uint8Array(n);
  const line = new Int32Array(n);
  const mean = source.aggregate === 'mean';
  for (let i = 0; i < n; i++) {
    let s = 0;
    let bad = -1;
    for (let k = 0; k < parts.length; k++) {
      const part = parts[k]!;
      if (part.cause[i] !== CAUSE_OK && Number.isNaN(part.values[i]!)) {
        bad = k;
        break;
      }
      s += part.values[i]!;
    }
    if (bad >= 0) {
      values[i] = Number.NaN;
      cause[i] = parts[bad]!.cause[i]!;
      line[i] = parts[bad]!.line[i]!;
    } else {
      values[i] = mean ? s / parts.length : s;
      cause[i] = CAUSE_OK;
      line[i] = parts[0]!.line[i]!;
    }
  }
  return { values, cause, line, file: records.table.file };
}

function policyFor(policy: Policy, cause: number): 'fail' | 'drop' | 'interpolate' {
  switch (cause) {
    case CAUSE_GAP:
      return policy.gap;
    case CAUSE_MISSING:
      return policy.missing;
    case CAUSE_NON_NUMERIC:
      return policy.nonNumeric;
    case CAUSE_NEGATIVE:
      return policy.negative === 'interpolate' ? 'interpolate' : 'drop';
    case CAUSE_DST_REPEAT:
      return policy.dstRepeat;
    default:
      return 'drop';
  }
}

const causeText: Record<number, string> = {
  [CAUSE_GAP]: 'no row for these intervals',
  [CAUSE_MISSING]: 'empty cell(s)',
  [CAUSE_NON_NUMERIC]: 'text in a number column',
  [CAUSE_NEGATIVE]: 'negative value(s)',
  [CAUSE_DST_REPEAT]: 'second occurrence of the repeated fall-back hour has no row',
  [CAUSE_DUPLICATE]: 'duplicate rows dropped',
};

export function assembleColumn(p: AssembleColumnParameters): Float64Array {
  const { axis, policy, findings } = p;
  const n = axis.length;
  const [first, ...rest] = p.from;
  const main = sourceSeries(p, first!);
  const { values, cause, line } = main;
  // Concatenate further sources (e.g. one file per year).
  for (const src of rest) {
    const s = sourceSeries(p, src);
    for (let i = 0; i < n; i++) {
      if (s.cause[i] === CAUSE_GAP) continue;
      if (cause[i] === CAUSE_GAP) {
        values[i] = s.values[i]!;
        cause[i] = s.cause[i]!;
        line[i] = s.line[i]!;
      } else {
        findings.push({
          kind: 'duplicate',
          column: p.name,
          timestamp: iso(axis.time[i]!),
          file: s.file,
          line: s.line[i]!,
          count: 1,
          action: policy.duplicate === 'fail' ? 'fail' : 'keepFirst',
          message: `interval also present in an earlier source (${main.file}); the earlier value is kept`,
        });
      }
    }
  }
  // Fill from another table.
  if (p.fill) {
    const f = sourceSeries(p, p.fill);
    let runStart = -1;
    let runCause = CAUSE_OK;
    const flush = (end: number) => {
      if (runStart < 0) return;
      findings.push({
        kind: 'filled',
        column: p.name,
        timestamp: iso(axis.time[runStart]!),
        file: f.file,
        line: f.line[runStart]! >= 0 ? f.line[runStart]! : null,
        count: end - runStart,
        action: 'fill',
        message: `${end - runStart} interval(s) filled from ${f.file} (were: ${causeText[runCause] ?? 'missing'})`,
      });
      runStart = -1;
    };
    for (let i = 0; i < n; i++) {
      const fillable = Number.isNaN(values[i]!) && !Number.isNaN(f.values[i]!);
      if (fillable) {
        if (runStart < 0) {
          runStart = i;
          runCause = cause[i]!;
        }
        values[i] = f.values[i]!;
        cause[i] = CAUSE_OK;
        line[i] = f.line[i]!;
      } else flush(i);
    }
    flush(n);
  }
  // DST repeats without a row: a run of missing intervals that lies entirely inside a repeated
  // fall-back hour (a longer outage that merely spans one stays a gap).
  for (let i = 0; i < n; ) {
    if (cause[i] !== CAUSE_GAP) {
      i++;
      continue;
    }
    let j = i;
    let allAmbiguous = true;
    while (j < n && cause[j] === CAUSE_GAP) {
      if (axis.ambiguous[j] !== 1) allAmbiguous = false;
      j++;
    }
    if (allAmbiguous) for (let k = i; k < j; k++) cause[k] = CAUSE_DST_REPEAT;
    i = j;
  }

  // Missing-value policy over contiguous runs of missing intervals.
  let i = 0;
  while (i < n) {
    if (!Number.isNaN(values[i]!)) {
      i++;
      continue;
    }
    let j = i;
    while (j < n && Number.isNaN(values[j]!)) j++;
    // Block [i, j): sub-runs by cause.
    const runs: { start: number; end: number; cause: number; action: 'fail' | 'drop' | 'interpolate' }[] = [];
    for (let k = i; k < j; ) {
      let e = k;
      while (e < j && cause[e] === cause[k]) e++;
      runs.push({ start: k, end: e, cause: cause[k]!, action: policyFor(policy, cause[k]!) });
      k = e;
    }
    const blockLen = j - i;
    const canInterpolate =
      runs.every((r) => r.action === 'interpolate') && blockLen <= policy.maxInterpolate && i > 0 && j < n;
    if (canInterpolate) {
      const a = values[i - 1]!;
      const b = values[j]!;
      for (let k = i; k < j; k++) values[k] = a + ((b - a) * (k - i + 1)) / (blockLen + 1);
    }
    for (const r of runs) {
      const kind = (causeKinds[r.cause] ?? 'gap') as FindingKind;
      let action: FindingAction = r.action;
      let why = '';
      if (r.action === 'interpolate' && !canInterpolate) {
        action = 'drop';
        why =
          blockLen > policy.maxInterpolate
            ? ` — run of ${blockLen} missing interval(s) exceeds maxInterpolate ${policy.maxInterpolate}, left missing (NaN)`
            : i === 0 || j === n
              ? ' — at the edge of the data, nothing to interpolate from, left missing (NaN)'
              : ' — part of a run that the policy does not interpolate, left missing (NaN)';
      }
      const firstLine = line[r.start]!;
      findings.push({
        kind,
        column: p.name,
        timestamp: iso(axis.time[r.start]!),
        file: main.file,
        line: firstLine >= 0 ? firstLine : null,
        count: r.end - r.start,
        action,
        message: `${r.end - r.start} interval(s): ${causeText[r.cause] ?? kind}; ${
          action === 'interpolate' ? 'interpolated linearly' : action === 'drop' ? 'left missing (NaN)' : `policy ${kind}: fail`
        }${why}`,
      });
    }
    i = j;
  }
  const zr = policy.zeroRun;
  if (p.checkZeroRuns && zr) {
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
          column: p.name,
          timestamp: iso(axis.time[k]!),
          file: main.file,
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
  return values;
}
