import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatasetError } from '../errors.ts';
import { type Axis, assembleColumn } from './assembleColumn.ts';
import type { Finding } from './finding.ts';
import type { ColumnSpec, Manifest, SourceSpec } from './manifest.ts';
import { parseManifest } from './parseManifest.ts';
import { type TableRecords, readTable } from './readTable.ts';
import { type ResolveDataRootResult, listManifests, manifestsDir, resolveDataRoot, subsetsDir } from './resolveDataRoot.ts';
import { summarizeFindings } from './summarizeFindings.ts';
import type { Frame, FrameRoles } from './types.ts';
import { zonedClock } from './zonedClock.ts';

export interface LoadDatasetParameters {
  /** Dataset view name (the manifest's `name`, file `<name>.manifest.yaml`). */
  name: string;
  /** Folder holding the data files; resolved with `resolveDataRoot` when omitted. */
  dataRoot?: string;
  /** Folder holding the manifest; default: the data root when it carries `<name>.manifest.*`, else `datasets/`. */
  manifestDir?: string;
  /** `--data` flag, used only when `dataRoot` is omitted. */
  data?: string;
  /** Environment for `PEAKLAB_DATA`, used only when `dataRoot` is omitted. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Called for every finding, in order, before a policy failure is thrown. */
  onFinding?: (finding: Finding) => void;
}

export interface LoadDatasetResult {
  frame: Frame;
  findings: Finding[];
  /** Files read, relative to the data root, with their verified sha256. */
  files: { path: string; sha256: string }[];
  manifest: Manifest;
  manifestPath: string;
  dataRoot: string;
  /** Findings grouped by kind and action, as text. */
  summary: string;
}

const MANIFEST_EXTS = ['yaml', 'yml', 'json'];

function findManifest(name: string, dirs: readonly string[]): string | undefined {
  for (const dir of dirs) {
    for (const ext of MANIFEST_EXTS) {
      const p = join(dir, `${name}.manifest.${ext}`);
      if (existsSync(p)) return p;
    }
  }
  return undefined;
}

/** Loads a dataset view: manifest → checked files → regular Frame + findings. */
export async function loadDataset({ name, dataRoot, manifestDir, data, env, onFinding }: LoadDatasetParameters): Promise<LoadDatasetResult> {
  let resolved: ResolveDataRootResult | undefined;
  if (dataRoot === undefined) resolved = resolveDataRoot({ data, env });
  const root = dataRoot ?? resolved!.dataRoot;
  const dirs = manifestDir !== undefined ? [manifestDir] : [root, manifestsDir];
  const manifestPath = findManifest(name, dirs);
  const subsets = listManifests(subsetsDir);
  const howToGet = `Set --data or PEAKLAB_DATA to the folder holding the full datasets (e.g. ../shared/datasets)${
    subsets.length > 0 ? `, or use a committed subset (${subsets.join(', ')}) by leaving the data root unset or --data ${subsetsDir}` : ''
  }.`;
  const lookedAt = [...(resolved ? resolved.tried : [`data root: ${root}`])];
  if (manifestPath === undefined) {
    const known = [...new Set(dirs.flatMap((d) => listManifests(d)))].sort();
    throw new DatasetError(`No manifest for dataset "${name}"`, {
      details: `looked for ${name}.manifest.{yaml,yml,json} in ${dirs.join(' and ')}; data root chain: ${lookedAt.join('; ')}; known datasets there: ${known.join(', ') || '(none)'}`,
      hint: `Check the name, or write datasets/${name}.manifest.yaml. ${howToGet}`,
    });
  }
  const manifest = parseManifest({ text: readFileSync(manifestPath, 'utf8'), path: manifestPath });
  const missingFiles = manifest.tables.map((t) => t.file).filter((f) => !existsSync(join(root, f)));
  if (missingFiles.length > 0) {
    throw new DatasetError(`Dataset "${name}" is not available in data root ${root}`, {
      details: `missing: ${missingFiles.map((f) => join(root, f)).join(', ')}; data root chain: ${lookedAt.join('; ')}; manifest ${manifestPath}`,
      hint: howToGet,
    });
  }
  const clock = zonedClock({ timezone: manifest.timezone });

  // Which fields each table must provide.
  const columns: ColumnSpec[] = [...manifest.columns];
  const fieldsByTable = new Map<string, Set<string>>();
  const matchByTable = new Map<string, RegExp[]>();
  const need = (s: SourceSpec) => {
    const set = fieldsByTable.get(s.table) ?? new Set<string>();
    set.add(s.field ?? '');
    fieldsByTable.set(s.table, set);
  };
  for (const c of columns) {
    for (const s of Array.isArray(c.from) ? c.from : [c.from]) need(s);
    if (c.fill) need(c.fill);
  }
  const expandRes = manifest.expand.map((e) => {
    let re: RegExp;
    try {
      re = new RegExp(e.match);
    } catch (cause) {
      throw new DatasetError(`Invalid expand pattern ${e.match}`, { details: manifestPath, hint: 'Use a JavaScript regular expression.', cause });
    }
    for (const t of e.tables) {
      matchByTable.set(t, [...(matchByTable.get(t) ?? []), re]);
      if (!fieldsByTable.has(t)) fieldsByTable.set(t, new Set());
    }
    return re;
  });

  const tables = new Map<string, TableRecords>();
  const findings: Finding[] = [];
  for (const table of manifest.tables) {
    const fields = fieldsByTable.get(table.id);
    if (fields === undefined) continue;
    const records = readTable({
      manifest,
      table,
      dataRoot: root,
      clock,
      fields: [...fields],
      match: matchByTable.get(table.id),
      manifestPath,
    });
    tables.set(table.id, records);
    findings.push(...records.findings);
  }

  // Roles declared on columns, then expanded columns (one per matching field, header order, first table first).
  const roleExtra: Record<string, string[]> = {};
  for (const c of columns) if (c.role) (roleExtra[c.role] ??= []).push(c.name);
  manifest.expand.forEach((e, k) => {
    const names: string[] = [];
    for (const t of e.tables) {
      for (const f of tables.get(t)!.fields) if (expandRes[k]!.test(f) && !names.includes(f)) names.push(f);
    }
    const chosen = e.limit !== undefined ? names.slice(0, e.limit) : names;
    for (const f of chosen) {
      if (columns.some((c) => c.name === f)) continue;
      const from = e.tables.filter((t) => tables.get(t)!.fields.includes(f)).map((t) => ({ table: t, field: f }));
      columns.push({ name: f, unit: e.unit, from, allowNegative: e.allowNegative, role: e.role });
      if (e.role) (roleExtra[e.role] ??= []).push(f);
    }
  });

  // The regular axis: every interval from the first to the last row of any table used, clipped to range.
  const stepMs = manifest.time.resolutionMinutes * 60_000;
  const from = manifest.range?.from ? Date.parse(manifest.range.from) : -Infinity;
  const to = manifest.range?.to ? Date.parse(manifest.range.to) : Infinity;
  let lo = Infinity;
  let hi = -Infinity;
  for (const r of tables.values()) {
    for (let i = 0; i < r.length; i++) {
      const t = r.instant[i]!;
      if (t < from || t > to) continue;
      if (t < lo) lo = t;
      if (t > hi) hi = t;
      const rep = r.repeat[i]!;
      if (rep > hi && rep <= to) hi = rep;
    }
  }
  if (!Number.isFinite(lo)) {
    throw new DatasetError(`Dataset "${name}" has no rows${manifest.range ? ' inside its range' : ''}`, {
      details: `${manifestPath}; range ${manifest.range?.from ?? '-'} … ${manifest.range?.to ?? '-'}`,
      hint: 'Check range and the time columns in the manifest.',
    });
  }
  const length = Math.round((hi - lo) / stepMs) + 1;
  const time = new Float64Array(length);
  for (let i = 0; i < length; i++) time[i] = lo + i * stepMs;
  const ambiguous = new Uint8Array(length);
  const anyPrevailing = manifest.time.clock === 'prevailing' || manifest.tables.some((t) => t.time.clock === 'prevailing');
  if (anyPrevailing) {
    let prevWall = -Infinity;
    for (let i = 0; i < length; i++) {
      const wall = time[i]! + clock.offsetAt(time[i]!);
      if (wall <= prevWall) {
        // Intervals i.. repeat wall times already shown: mark both occurrences.
        const back = Math.round((prevWall - wall) / stepMs) + 1;
        for (let k = 0; k < back && i + k < length; k++) ambiguous[i + k] = 1;
        for (let k = 1; k <= back && i - k >= 0; k++) ambiguous[i - k] = 1;
      }
      prevWall = Math.max(prevWall, wall);
    }
  }
  const axis: Axis = { start: lo, stepMs, length, time, ambiguous };

  const zeroChecked = new Set([
    ...(manifest.roles.load ? [manifest.roles.load] : []),
    ...(manifest.roles.consumers ?? []),
    ...(roleExtra.load ?? []),
    ...(roleExtra.consumers ?? []),
  ]);
  const frameColumns = new Map<string, Float64Array>();
  const units = new Map<string, string>();
  for (const c of columns) {
    const values = assembleColumn({
      name: c.name,
      from: Array.isArray(c.from) ? c.from : [c.from],
      fill: c.fill,
      allowNegative: c.allowNegative,
      checkZeroRuns: zeroChecked.has(c.name),
      tables,
      axis,
      policy: manifest.policy,
      findings,
    });
    frameColumns.set(c.name, values);
    units.set(c.name, c.unit);
  }

  const r = manifest.roles;
  const list = (k: 'temperature' | 'temperatureForecast' | 'consumers') => {
    const own = r[k] ?? [];
    const extra = (roleExtra[k] ?? []).filter((x) => !own.includes(x));
    const all = [...own, ...extra];
    return all.length > 0 ? all : undefined;
  };
  const roles: FrameRoles = {
    ...(r.load ?? roleExtra.load?.[0] ? { load: r.load ?? roleExtra.load![0] } : {}),
    ...(list('temperature') ? { temperature: list('temperature') } : {}),
    ...(list('temperatureForecast') ? { temperatureForecast: list('temperatureForecast') } : {}),
    ...(r.price ?? roleExtra.price?.[0] ? { price: r.price ?? roleExtra.price![0] } : {}),
    ...(r.carbon ?? roleExtra.carbon?.[0] ? { carbon: r.carbon ?? roleExtra.carbon![0] } : {}),
    ...(list('consumers') ? { consumers: list('consumers') } : {}),
  };
  for (const [role, cols] of Object.entries(roles)) {
    for (const c of typeof cols === 'string' ? [cols] : (cols as string[])) {
      if (!frameColumns.has(c)) {
        throw new DatasetError(`Role ${role} names column "${c}", which the frame does not have`, {
          details: manifestPath,
          hint: `Use one of: ${[...frameColumns.keys()].slice(0, 20).join(', ')}`,
        });
      }
    }
  }

  const frame: Frame = {
    name: manifest.name,
    start: lo,
    stepMs,
    length,
    timezone: manifest.timezone,
    time,
    calendar: clock.calendar(time),
    columns: frameColumns,
    units,
    roles,
  };
  if (onFinding) for (const f of findings) onFinding(f);
  const summary = summarizeFindings({ findings }).text;
  const failures = findings.filter((f) => f.action === 'fail');
  if (failures.length > 0) {
    const show = failures.slice(0, 10).map((f) => `${f.kind} in ${f.column} at ${f.timestamp} (${f.file}${f.line !== null ? `:${f.line}` : ''}): ${f.message}`);
    throw new DatasetError(`Dataset "${name}" breaks its data-quality policy (${failures.length} finding(s) with action fail)`, {
      details: [...show, ...(failures.length > 10 ? [`… and ${failures.length - 10} more`] : [])].join('\n'),
      hint: `Fix the data, or change policy in ${manifestPath} (e.g. policy.${failures[0]!.kind}: drop | interpolate) if that treatment is acceptable.`,
    });
  }
  const files = manifest.tables.filter((t) => tables.has(t.id)).map((t) => ({ path: t.file, sha256: t.sha256 }));
  return { frame, findings, files, manifest, manifestPath, dataRoot: root, summary };
}
