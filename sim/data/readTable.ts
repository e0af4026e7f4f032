/**
 * Reads one manifest table: verifies the file's sha256, gunzips, splits CSV and turns every cell
 * the manifest needs into a record (interval instant, entity, line, value + cause). Row-level
 * findings (DST holes, unsorted rows, calendar mismatches) are reported here; cell-level ones
 * (missing, non-numeric) travel as cause codes to the column assembly, which reports them with
 * their frame column.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { DatasetError } from '../errors.ts';
import { CAUSE_MISSING, CAUSE_NON_NUMERIC, CAUSE_OK, type Finding } from './finding.ts';
import type { Manifest, Policy, TableSpec } from './manifest.ts';
import { naiveTime, timeFormat } from './timeFormat.ts';
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
  readonly values: ReadonlyMap<string, { values: Float64Array; cause: Uint8Array }>;
  readonly findings: readonly Finding[];
  readonly sha256: string;
}

/** Splits one CSV line (RFC 4180 quotes, "" escapes). */
export function splitCsvLine(line: string): string[] {
  if (line.indexOf('"') < 0) return line.split(',');
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"') {
        if (line[i + 1] === '"') {
          cur += '"';
          i++;
        } else quoted = false;
      } else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Reads a data file's bytes, checks its sha256 and returns its text. */
export function readCheckedFile({
  dataRoot,
  file,
  sha256,
  manifestPath,
}: {
  dataRoot: string;
  file: string;
  sha256: string;
  manifestPath: string;
}): string {
  const path = join(dataRoot, file);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (cause) {
    throw new DatasetError(`Data file ${file} is missing`, {
      details: `looked for ${path} (data root ${dataRoot}; manifest ${manifestPath})`,
      hint: 'Point --data or PEAKLAB_DATA at the folder holding the datasets, or use a dataset from datasets/subsets/.',
      cause,
    });
  }
  const found = sha256Of(bytes);
  if (found !== sha256) {
    throw new DatasetError(`Checksum mismatch for ${file}`, {
      details: `file ${path}: expected sha256 ${sha256} (manifest ${manifestPath}), found ${found}`,
      hint: 'The file is corrupt or a different version: restore the original file, or, if the new version is intended, review it and update sha256 in the manifest.',
    });
  }
  const raw = file.endsWith('.gz') ? gunzipSync(bytes) : bytes;
  let text = raw.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text;
}

export function readTable({ manifest, table, dataRoot, clock, fields: wanted, match = [], manifestPath }: ReadTableParameters): TableRecords {
  const text = readCheckedFile({ dataRoot, file: table.file, sha256: table.sha256, manifestPath });
  const lines = text.split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  if (lines.length === 0) {
    throw new DatasetError(`Data file ${table.file} is empty`, {
      details: `table ${table.id} of ${manifestPath}`,
      hint: 'Restore the file; a table needs a header line.',
    });
  }
  const header = splitCsvLine(lines[0]!).map((h) => h.trim());
  const where = `${manifestPath} table ${table.id} (${table.file})`;
  const fields = [...wanted];
  for (const h of header) if (match.some((re) => re.test(h)) && !fields.includes(h)) fields.push(h);
  const col = (name: string): number => {
    const i = header.indexOf(name);
    if (i < 0) {
      throw new DatasetError(`Column "${name}" is not in ${table.file}`, {
        details: `${where}; header: ${header.join(', ')}`,
        hint: 'Fix the column name in the manifest (header names are compared after trimming spaces).',
      });
    }
    return i;
  };
  const stepMs = manifest.time.resolutionMinutes * 60_000;
  const label = table.time.label ?? manifest.time.label;
  const clockKind = table.time.clock ?? manifest.time.clock;
  const policy: Policy = manifest.policy;
  const t = table.time;

  // How to read a row's interval start (naive wall time) — per hour column for wideHours.
  const hourOffsets: number[] = [];
  const hourCols: number[] = [];
  const hourNames: string[] = [];
  if (table.layout === 'wideHours') {
    const hc = table.hourColumns!;
    for (let k = 0; k < hc.count; k++) {
      const h = hc.first + k;
      hourNames.push(`${hc.prefix}${h}`);
      hourCols.push(col(`${hc.prefix}${h}`));
      hourOffsets.push(h * stepMs - (label === 'ending' ? stepMs : 0));
    }
  }
  const dtParse = t.datetime ? timeFormat({ format: t.datetime.format, where }) : undefined;
  const dtCol = t.datetime ? col(t.datetime.column) : -1;
  const dateParse = t.date ? timeFormat({ format: t.date.format, where }) : undefined;
  const dateCol = t.date ? col(t.date.column) : -1;
  const yCol = t.year ? col(t.year) : -1;
  const mCol = t.month ? col(t.month) : -1;
  const dCol = t.day ? col(t.day) : -1;
  const hCol = t.hour ? col(t.hour) : -1;
  const implicitStart = t.start
    ? Date.UTC(
        Number(t.start.slice(0, 4)),
        Number(t.start.slice(5, 7)) - 1,
        Number(t.start.slice(8, 10)),
        Number(t.start.slice(11, 13)),
        Number(t.start.slice(14, 16)),
      )
    : Number.NaN;
  const entityCol = table.entity ? col(table.entity) : -1;
  const fieldCols = fields.map((f) => (f === '' ? -1 : col(f)));
  if (table.layout === 'long' && fields.includes('')) {
    throw new DatasetError(`A column reads table ${table.id} without a field`, {
      details: where,
      hint: 'Long tables need `field:` naming the value column.',
    });
  }
  const checkMonth = table.check?.month ? col(table.check.month) : -1;
  const checkHour = table.check?.hour ? col(table.check.hour) : -1;
  const checkWeekday = table.check?.weekday ? col(table.check.weekday.column) : -1;

  const perRow = table.layout === 'wideHours' ? hourCols.length : 1;
  const capacity = (lines.length - 1) * perRow;
  const instant = new Float64Array(capacity);
  const repeat = new Float64Array(capacity);
  const entity = new Int32Array(capacity);
  const lineOf = new Int32Array(capacity);
  const values = new Map<string, { values: Float64Array; cause: Uint8Array }>();
  for (const f of fields) values.set(f, { values: new Float64Array(capacity), cause: new Uint8Array(capacity) });
  const valueArrays = fields.map((f) => values.get(f)!);
  const entityKeys: string[] = [];
  const entityIndex = new Map<string, number>();
  const findings: Finding[] = [];
  const missingTokens = new Set(table.missingValues);
  const thousands = table.thousands;

  const parseNumber = (cell: string | undefined): [number, number] => {
    if (cell === undefined) return [Number.NaN, CAUSE_MISSING];
    let s = cell.trim();
    if (s === '' || missingTokens.has(s)) return [Number.NaN, CAUSE_MISSING];
    if (thousands !== undefined && s.includes(thousands)) s = s.split(thousands).join('');
    const v = Number(s);
    if (!Number.isFinite(v)) return [Number.NaN, CAUSE_NON_NUMERIC];
    return [v, CAUSE_OK];
  };

  // Row-level finding helpers (consecutive rows with the same problem become one finding).
  const holes = new Map<string, { finding: Finding; count: number }>();
  const lastInstantByEntity = new Map<number, number>();
  const unsorted = new Map<number, { line: number; ts: number; count: number }>();
  let mismatch: { line: number; ts: number; count: number; message: string; lastLine: number } | undefined;
  const flushMismatch = () => {
    if (!mismatch) return;
    findings.push({
      kind: 'calendarMismatch',
      column: [table.check?.month, table.check?.hour, table.check?.weekday?.column].filter(Boolean).join('/'),
      timestamp: new Date(mismatch.ts).toISOString(),
      file: table.file,
      line: mismatch.line,
      count: mismatch.count,
      action: policy.calendarMismatch === 'fail' ? 'fail' : 'keep',
      message: `${mismatch.count} row(s) from line ${mismatch.line}: ${mismatch.message}`,
    });
    mismatch = undefined;
  };

  let n = 0;
  for (let li = 1; li < lines.length; li++) {
    const lineText = lines[li]!;
    if (lineText === '') continue;
    const cells = splitCsvLine(lineText);
    const lineNo = li + 1;
    let base: number;
    if (dtParse) base = dtParse(cells[dtCol] ?? '');
    else if (dateParse) base = dateParse(cells[dateCol] ?? '');
    else if (yCol >= 0) base = naiveTime(Number(cells[yCol]), Number(cells[mCol]), Number(cells[dCol]));
    else base = implicitStart + (li - 1) * stepMs;
    if (hCol >= 0) {
      const h = Number(cells[hCol]);
      base = Number.isInteger(h) && h >= 0 && h <= 24 ? base + h * 3_600_000 : Number.NaN;
    }
    if (Number.isNaN(base)) {
      throw new DatasetError(`Unreadable time on line ${lineNo} of ${table.file}`, {
        details: `${where}: "${lineText.slice(0, 120)}"`,
        hint: 'Check the time columns and format in the manifest (see docs/datasets.md), or fix the row.',
      });
    }
    let ent = 0;
    if (entityCol >= 0) {
      const key = (cells[entityCol] ?? '').trim();
      let e = entityIndex.get(key);
      if (e === undefined) {
        e = entityKeys.length;
        entityKeys.push(key);
        entityIndex.set(key, e);
      }
      ent = e;
    } else if (entityKeys.length === 0) {
      entityKeys.push('');
    }
    if (t.start !== undefined && (checkMonth >= 0 || checkHour >= 0 || checkWeekday >= 0)) {
      const d = new Date(base);
      const problems: string[] = [];
      if (checkMonth >= 0 && Number(cells[checkMonth]) !== d.getUTCMonth() + 1) {
        problems.push(`${table.check!.month}=${cells[checkMonth]} but placed in month ${d.getUTCMonth() + 1}`);
      }
      const expectHour = d.getUTCHours() + (label === 'ending' ? 1 : 0);
      if (checkHour >= 0 && Number(cells[checkHour]) !== expectHour) {
        problems.push(`${table.check!.hour}=${cells[checkHour]} but placed at hour ${expectHour}`);
      }
      if (checkWeekday >= 0) {
        const iso = ((d.getUTCDay() + 6) % 7) + table.check!.weekday!.monday;
        if (Number(cells[checkWeekday]) !== iso) {
          problems.push(`${table.check!.weekday!.column}=${cells[checkWeekday]} but placed on weekday ${iso}`);
        }
      }
      if (problems.length > 0) {
        if (mismatch && mismatch.lastLine === lineNo - 1) {
          mismatch.count++;
          mismatch.lastLine = lineNo;
        } else {
          flushMismatch();
          mismatch = { line: lineNo, ts: base, count: 1, message: problems.join('; '), lastLine: lineNo };
        }
      } else flushMismatch();
    }
    for (let k = 0; k < perRow; k++) {
      const naive = table.layout === 'wideHours' ? base + hourOffsets[k]! : base - (label === 'ending' && t.start === undefined ? stepMs : 0);
      const mapped = clock.toInstant(naive, clockKind);
      if (Number.isNaN(mapped.instant)) {
        const fieldName = table.layout === 'wideHours' ? hourNames[k]! : fields.filter((f) => f !== '').join('/');
        const key = `${naive}|${fieldName}`;
        const prev = holes.get(key);
        if (prev) prev.count++;
        else {
          const f: Finding = {
            kind: 'dstHole',
            column: fieldName,
            timestamp: new Date(naive).toISOString().slice(0, 19),
            file: table.file,
            line: lineNo,
            count: 1,
            action: policy.dstHole === 'fail' ? 'fail' : 'drop',
            message: '',
          };
          holes.set(key, { finding: f, count: 1 });
        }
        continue;
      }
      const last = lastInstantByEntity.get(ent);
      if (last !== undefined && mapped.instant < last) {
        const u = unsorted.get(ent);
        if (u) u.count++;
        else unsorted.set(ent, { line: lineNo, ts: mapped.instant, count: 1 });
      }
      // A repeated wall time keeps its earlier instant here, so its second row is not "backwards".
      lastInstantByEntity.set(ent, mapped.instant);
      instant[n] = mapped.instant;
      repeat[n] = mapped.repeat;
      entity[n] = ent;
      lineOf[n] = lineNo;
      for (let f = 0; f < fields.length; f++) {
        const cell = fieldCols[f]! >= 0 ? cells[fieldCols[f]!] : cells[hourCols[k]!];
        const [v, cause] = parseNumber(cell);
        valueArrays[f]!.values[n] = v;
        valueArrays[f]!.cause[n] = cause;
      }
      n++;
    }
  }
  flushMismatch();
  for (const { finding, count } of holes.values()) {
    findings.push({
      ...finding,
      count,
      message: `${count} row(s) labelled with local time ${new Date(finding.timestamp + 'Z').toISOString().slice(0, 16).replace('T', ' ')}, which does not exist in ${manifest.timezone} (DST spring-forward filler); ${
        finding.action === 'drop' ? 'row value discarded' : 'policy dstHole: fail'
      }`,
    });
  }
  for (const [ent, u] of [...unsorted.entries()].sort((a, b) => a[0] - b[0])) {
    findings.push({
      kind: 'unsorted',
      column: table.entity ? `${table.entity}=${entityKeys[ent]}` : fields.filter((f) => f !== '').join('/') || '(rows)',
      timestamp: new Date(u.ts).toISOString(),
      file: table.file,
      line: u.line,
      count: u.count,
      action: policy.unsorted === 'fail' ? 'fail' : 'sort',
      message: `${u.count} backward time step(s), first at line ${u.line}; ${
        policy.unsorted === 'fail' ? 'policy unsorted: fail' : 'rows placed at their own times (sorted)'
      }`,
    });
  }
  const trim = <T extends Float64Array | Int32Array | Uint8Array>(a: T): T => a.subarray(0, n) as T;
  const trimmedValues = new Map<string, { values: Float64Array; cause: Uint8Array }>();
  for (const [k, v] of values) trimmedValues.set(k, { values: trim(v.values), cause: trim(v.cause) });
  return {
    table,
    header,
    entityKeys,
    fields,
    length: n,
    instant: trim(instant),
    repeat: trim(repeat),
    entity: trim(entity),
    line: trim(lineOf),
    values: trimmedValues,
    findings,
    sha256: table.sha256,
  };
}
