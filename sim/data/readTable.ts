/**
 * Reads one manifest table: verifies the file's sha256, gunzips, splits CSV and turns every cell
 * the manifest needs into a record (interval instant, entity, line, value + cause). Row-level
 * findings (DST holes, unsorted rows, calendar mismatches) are reported here; cell-level ones
 * (missing, non-numeric) travel as cause codes to the column assembly, which reports them with
 * their frame column.
 */
import { DatasetError } from '../errors.ts';
import { backwardSteps } from './backwardSteps.ts';
import { calendarCheck } from './calendarCheck.ts';
import { calendarMismatchRuns } from './calendarMismatchRuns.ts';
import { cellNumberReader } from './cellNumberReader.ts';
import { columnLookup } from './columnLookup.ts';
import { dstHoleRows } from './dstHoleRows.ts';
import type { Finding } from './finding.ts';
import type { Manifest, TableSpec } from './manifest.ts';
import { parseCsv } from './parseCsv.ts';
import { readCheckedFile } from './readCheckedFile.ts';
import { rowSlots } from './rowSlots.ts';
import { rowTimeReader } from './rowTimeReader.ts';
import { splitCsvLine } from './splitCsvLine.ts';
import type { ZonedClock } from './zonedClock.ts';

export interface ReadTableParameters {
  manifest: Manifest;
  table: TableSpec;
  dataRoot: string;
  clock: ZonedClock;
  /** Fields whose values are needed ('' = the hour cells of a wideHours table). */
  fields: readonly string[];
  /** Also read every header field matching one of these (manifest `expand`). */
  match?: readonly RegExp[];
  /** Where the manifest lives (for error messages). */
  manifestPath: string;
}

/** A field's value and cause code (finding.ts CAUSE_*) per record. */
export interface FieldValues {
  values: Float64Array;
  cause: Uint8Array;
}

export interface TableRecords {
  readonly table: TableSpec;
  readonly header: readonly string[];
  /** Entity keys in first-seen order ('' when the table has no entity column). */
  readonly entityKeys: readonly string[];
  /** Fields read (requested + matched), in order. */
  readonly fields: readonly string[];
  readonly length: number;
  /** Interval start instant of each record; NaN when the local time does not exist (DST hole). */
  readonly instant: Float64Array;
  /** Second instant when the local time occurs twice (DST fall-back), else NaN. */
  readonly repeat: Float64Array;
  readonly entity: Int32Array;
  readonly line: Int32Array;
  readonly values: ReadonlyMap<string, FieldValues>;
  readonly findings: readonly Finding[];
  readonly sha256: string;
}

export function readTable({ manifest, table, dataRoot, clock, fields: wanted, match = [], manifestPath }: ReadTableParameters): TableRecords {
  const text = readCheckedFile({ dataRoot, file: table.file, sha256: table.sha256, manifestPath });
  const { header, lines } = parseCsv({ text });
  if (lines.length === 0) {
    throw new DatasetError(`Data file ${table.file} is empty`, {
      details: `table ${table.id} of ${manifestPath}`,
      hint: 'Restore the file; a table needs a header line.',
    });
  }
  const where = `${manifestPath} table ${table.id} (${table.file})`;
  const fields = fieldsToRead(wanted, match, header);
  // Column lookups in this order, so that a manifest naming several absent columns hears of the same one first.
  const columnOf = columnLookup({ header, file: table.file, where });
  const slots = rowSlots({ manifest, table, fields, columnOf });
  const rowTime = rowTimeReader({ manifest, table, columnOf, where });
  const entityCol = table.entity ? columnOf(table.entity) : -1;
  const fieldCols = fields.map((f) => (f === '' ? -1 : columnOf(f)));
  if (table.layout === 'long' && fields.includes('')) {
    throw new DatasetError(`A column reads table ${table.id} without a field`, {
      details: where,
      hint: 'Long tables need `field:` naming the value column.',
    });
  }
  const calendar = calendarCheck({ manifest, table, columnOf });
  const cellNumber = cellNumberReader({ missingValues: table.missingValues, thousands: table.thousands });
  const clockKind = table.time.clock ?? manifest.time.clock;

  const records = recordArrays((lines.length - 1) * slots.offsets.length, fields);
  const entities = entityKeysInOrder();
  const mismatches = calendarMismatchRuns({ table, policy: manifest.policy });
  const holes = dstHoleRows({ file: table.file, policy: manifest.policy, timezone: manifest.timezone });
  const backward = backwardSteps({
    file: table.file,
    policy: manifest.policy,
    columnOf: (ent) => (table.entity ? `${table.entity}=${entities.keys[ent]}` : fields.filter((f) => f !== '').join('/') || '(rows)'),
  });
  for (let li = 1; li < lines.length; li++) {
    const lineText = lines[li]!;
    if (lineText === '') continue;
    const cells = splitCsvLine(lineText);
    const lineNo = li + 1;
    const base = rowTime(cells, li - 1);
    if (Number.isNaN(base)) {
      throw new DatasetError(`Unreadable time on line ${lineNo} of ${table.file}`, {
        details: `${where}: "${lineText.slice(0, 120)}"`,
        hint: 'Check the time columns and format in the manifest (see docs/datasets.md), or fix the row.',
      });
    }
    const ent = entityCol >= 0 ? entities.indexOf((cells[entityCol] ?? '').trim()) : entities.indexOf('');
    if (calendar) mismatches.row(lineNo, base, calendar(cells, base));
    for (let k = 0; k < slots.offsets.length; k++) {
      const naive = base + slots.offsets[k]!;
      const mapped = clock.toInstant(naive, clockKind);
      if (Number.isNaN(mapped.instant)) {
        holes.add(naive, slots.names[k]!, lineNo);
        continue;
      }
      backward.add(ent, mapped.instant, lineNo);
      const n = records.length++;
      records.instant[n] = mapped.instant;
      records.repeat[n] = mapped.repeat;
      records.entity[n] = ent;
      records.line[n] = lineNo;
      for (let f = 0; f < fields.length; f++) {
        const [v, cause] = cellNumber(fieldCols[f]! >= 0 ? cells[fieldCols[f]!] : cells[slots.cells[k]!]);
        records.fieldValues[f]!.values[n] = v;
        records.fieldValues[f]!.cause[n] = cause;
      }
    }
  }
  const findings = [...mismatches.findings(), ...holes.findings(), ...backward.findings()];
  return { table, header, entityKeys: entities.keys, fields, ...trimmed(records, fields), findings, sha256: table.sha256 };
}

/** The fields asked for, then every header field matching an expand pattern, each once. */
function fieldsToRead(wanted: readonly string[], match: readonly RegExp[], header: readonly string[]): string[] {
  const fields = [...wanted];
  for (const h of header) if (match.some((re) => re.test(h)) && !fields.includes(h)) fields.push(h);
  return fields;
}

type RecordArrays = ReturnType<typeof recordArrays>;

/** Room for `capacity` records; `length` counts those written. */
function recordArrays(capacity: number, fields: readonly string[]) {
  return {
    length: 0,
    instant: new Float64Array(capacity),
    repeat: new Float64Array(capacity),
    entity: new Int32Array(capacity),
    line: new Int32Array(capacity),
    fieldValues: fields.map((): FieldValues => ({ values: new Float64Array(capacity), cause: new Uint8Array(capacity) })),
  };
}

/** The records written, as views of the arrays (no copy). */
function trimmed(records: RecordArrays, fields: readonly string[]): Pick<TableRecords, 'length' | 'instant' | 'repeat' | 'entity' | 'line' | 'values'> {
  const n = records.length;
  const trim = <T extends Float64Array | Int32Array | Uint8Array>(a: T): T => a.subarray(0, n) as T;
  const values = new Map<string, FieldValues>();
  fields.forEach((f, i) => values.set(f, { values: trim(records.fieldValues[i]!.values), cause: trim(records.fieldValues[i]!.cause) }));
  return { length: n, instant: trim(records.instant), repeat: trim(records.repeat), entity: trim(records.entity), line: trim(records.line), values };
}

/** Entity keys numbered in first-seen order. */
function entityKeysInOrder() {
  const keys: string[] = [];
  const index = new Map<string, number>();
  return {
    keys,
    indexOf(key: string): number {
      let e = index.get(key);
      if (e === undefined) {
        e = keys.length;
        keys.push(key);
        index.set(key, e);
      }
      return e;
    },
  };
}
