import { DatasetError } from '../errors.ts';
import type { AssembleColumnParameters, Series } from './assembleColumn.ts';
import { CAUSE_DUPLICATE, CAUSE_GAP, CAUSE_NEGATIVE, CAUSE_OK, type Finding, type FindingAction } from './finding.ts';
import { isoInstant } from './isoInstant.ts';
import type { TableRecords } from './readTable.ts';

export interface EntitySeriesParameters {
  column: AssembleColumnParameters;
  records: TableRecords;
  /** The entity whose rows are taken; all rows when undefined. */
  entityKey: string | undefined;
  field: string;
  /** The column a finding names, e.g. `load (zone_id=3)`. */
  label: string;
}

/**
 * One entity's field of one table placed on the axis: every record at its interval, the second row of
 * a repeated fall-back hour at the hour's second occurrence, other second rows per policy.duplicate,
 * then negative values per policy.negative (unless the column allows them).
 */
export function entitySeries({ column, records, entityKey, field, label }: EntitySeriesParameters): Series {
  const { axis, findings } = column;
  const file = records.table.file;
  const values = new Float64Array(axis.length).fill(Number.NaN);
  const cause = new Uint8Array(axis.length).fill(CAUSE_GAP);
  const line = new Int32Array(axis.length).fill(-1);
  const series: Series = { values, cause, line, file };
  const merge = duplicateMerger({ series, policy: column.policy, axis, label, findings });
  const data = records.values.get(field);
  if (!data) throw new DatasetError(`Field ${field || '(hours)'} of table ${records.table.id} was not read`, { hint: 'internal' });
  const ent = entityIndex(column.name, records, entityKey);
  for (let r = 0; r < records.length; r++) {
    if (ent >= 0 && records.entity[r] !== ent) continue;
    let idx = (records.instant[r]! - axis.start) / axis.stepMs;
    if (idx < 0 || idx >= axis.length) continue;
    if (!Number.isInteger(idx)) {
      throw new DatasetError(`Row time is off the ${axis.stepMs / 60_000}-minute grid`, {
        details: `${file}:${records.line[r]} at ${isoInstant(records.instant[r]!)}`,
        hint: 'Check time.resolutionMinutes and the time format in the manifest.',
      });
    }
    if (cause[idx] !== CAUSE_GAP && !Number.isNaN(records.repeat[r]!)) idx = secondOccurrence({ series, records, r, idx, axis, label, findings });
    if (cause[idx] === CAUSE_GAP) {
      values[idx] = data.values[r]!;
      cause[idx] = data.cause[r]!;
      line[idx] = records.line[r]!;
    } else merge(idx, data.values[r]!, data.cause[r]!, records.line[r]!);
  }
  if (!column.allowNegative) applyNegativePolicy({ series, policy: column.policy, axis, label, findings });
  return series;
}

/** The entity's index in the table; -1 (all rows) without a key; an unknown key is an error. */
function entityIndex(columnName: string, records: TableRecords, entityKey: string | undefined): number {
  if (entityKey === undefined) return -1;
  const ent = records.entityKeys.indexOf(entityKey);
  if (ent < 0) {
    throw new DatasetError(`Entity "${entityKey}" does not occur in ${records.table.file}`, {
      details: `column ${columnName}; entities in ${records.table.entity}: ${records.entityKeys.slice(0, 40).join(', ')}`,
      hint: 'Fix entity/entities in the manifest column source.',
    });
  }
  return ent;
}

interface PlacementParameters {
  series: Series;
  policy: AssembleColumnParameters['policy'];
  axis: AssembleColumnParameters['axis'];
  label: string;
  findings: Finding[];
}

interface SecondOccurrenceParameters extends Omit<PlacementParameters, 'policy'> {
  records: TableRecords;
  /** The record (a row whose local time occurs twice). */
  r: number;
  /** The interval of its first occurrence, already taken. */
  idx: number;
}

/**
 * A second row for a local time that occurs twice goes to the time's second occurrence when that is
 * still empty (a dstRepeat finding, kept in file order); otherwise it stays where it is (a duplicate).
 */
function secondOccurrence({ series, records, r, idx, axis, label, findings }: SecondOccurrenceParameters): number {
  const idx2 = (records.repeat[r]! - axis.start) / axis.stepMs;
  if (!(idx2 >= 0 && idx2 < axis.length && series.cause[idx2] === CAUSE_GAP)) return idx;
  findings.push({
    kind: 'dstRepeat',
    column: label,
    timestamp: isoInstant(records.repeat[r]!),
    file: series.file,
    line: records.line[r]!,
    count: 1,
    action: 'keep',
    message: `repeated fall-back hour given twice: first row at line ${series.line[idx]} → ${isoInstant(axis.time[idx]!)}, this row → ${isoInstant(records.repeat[r]!)} (file order)`,
  });
  return idx2;
}

/** policy.duplicate for a second row of an interval: keep the first, average, set missing, or fail (reported). */
function duplicateMerger({ series, policy, axis, label, findings }: PlacementParameters): (idx: number, v: number, c: number, line: number) => void {
  const { values, cause } = series;
  const action: FindingAction = policy.duplicate;
  let counts: Uint16Array | undefined;
  return (idx, v, c, line) => {
    findings.push({
      kind: 'duplicate',
      column: label,
      timestamp: isoInstant(axis.time[idx]!),
      file: series.file,
      line,
      count: 1,
      action,
      message: `second row for this interval (first at line ${series.line[idx]}): ${
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
  };
}

/** policy.negative for a column that does not allow negatives: keep or fail (reported), or make the value missing. */
function applyNegativePolicy({ series, policy, axis, label, findings }: PlacementParameters): void {
  const { values, cause, line } = series;
  for (let i = 0; i < axis.length; i++) {
    if (!(values[i]! < 0)) continue;
    const action = policy.negative;
    if (action === 'keep' || action === 'fail') {
      findings.push({
        kind: 'negative',
        column: label,
        timestamp: isoInstant(axis.time[i]!),
        file: series.file,
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
