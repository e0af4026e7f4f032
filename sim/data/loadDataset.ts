import { assembleColumn } from './assembleColumn.ts';
import { checkPolicyFailures } from './checkPolicyFailures.ts';
import { expandColumns } from './expandColumns.ts';
import type { Finding } from './finding.ts';
import { frameAxis } from './frameAxis.ts';
import { frameRoles } from './frameRoles.ts';
import type { Manifest } from './manifest.ts';
import { type OpenManifestParameters, openManifest } from './openManifest.ts';
import { type TableRecords, readTable } from './readTable.ts';
import { summarizeFindings } from './summarizeFindings.ts';
import { tableFields } from './tableFields.ts';
import type { Frame } from './types.ts';
import { zonedClock } from './zonedClock.ts';

export interface LoadDatasetParameters extends OpenManifestParameters {
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

/** Loads a dataset view: manifest → checked files → regular Frame + findings. */
export async function loadDataset({ name, dataRoot, manifestDir, data, env, onFinding }: LoadDatasetParameters): Promise<LoadDatasetResult> {
  const { manifest, manifestPath, dataRoot: root } = openManifest({ name, dataRoot, manifestDir, data, env });
  const clock = zonedClock({ timezone: manifest.timezone });
  const needs = tableFields({ manifest, manifestPath });
  const tables = new Map<string, TableRecords>();
  const findings: Finding[] = [];
  for (const table of manifest.tables) {
    const fields = needs.fields.get(table.id);
    if (fields === undefined) continue;
    const records = readTable({ manifest, table, dataRoot: root, clock, fields: [...fields], match: needs.match.get(table.id), manifestPath });
    tables.set(table.id, records);
    findings.push(...records.findings);
  }
  const { columns, roleColumns } = expandColumns({ manifest, tables, patterns: needs.patterns });
  const axis = frameAxis({ name, manifest, manifestPath, tables, clock });
  const zeroChecked = new Set([
    ...(manifest.roles.load ? [manifest.roles.load] : []),
    ...(manifest.roles.consumers ?? []),
    ...(roleColumns.load ?? []),
    ...(roleColumns.consumers ?? []),
  ]);
  const frameColumns = new Map<string, Float64Array>();
  const units = new Map<string, string>();
  for (const c of columns) {
    const from = Array.isArray(c.from) ? c.from : [c.from];
    const checkZeroRuns = zeroChecked.has(c.name);
    frameColumns.set(c.name, assembleColumn({ name: c.name, from, fill: c.fill, allowNegative: c.allowNegative, checkZeroRuns, tables, axis, policy: manifest.policy, findings }));
    units.set(c.name, c.unit);
  }
  const roles = frameRoles({ manifest, roleColumns, columns: [...frameColumns.keys()], manifestPath });
  const { start, stepMs, length, time } = axis;
  const frame: Frame = { name: manifest.name, start, stepMs, length, timezone: manifest.timezone, time, calendar: clock.calendar(time), columns: frameColumns, units, roles };
  if (onFinding) for (const f of findings) onFinding(f);
  const summary = summarizeFindings({ findings }).text;
  checkPolicyFailures({ name, findings, manifestPath });
  const files = manifest.tables.filter((t) => tables.has(t.id)).map((t) => ({ path: t.file, sha256: t.sha256 }));
  return { frame, findings, files, manifest, manifestPath, dataRoot: root, summary };
}
