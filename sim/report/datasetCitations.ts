import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { manifestsDir, parseManifest, subsetsDir } from '../data/index.ts';
import type { RunManifest } from './runDirectorySchema.ts';

export interface DatasetCitation {
  readonly name: string;
  /** From the dataset manifest (datasets/<name>.manifest.yaml); null when no manifest of that name is found. */
  readonly description: string | null;
  readonly citation: string | null;
  readonly source: string | null;
  readonly licence: string | null;
  /** What the run used it for (manifest.json `role`: system, residential, prices, carbon, …), in manifest order. */
  readonly roles: readonly string[];
  /** Files the run read, with their sha256 (from the run's manifest.json). */
  readonly files: readonly { path: string; sha256: string }[];
}

export interface DatasetCitationsParameters {
  manifest: RunManifest;
  /** Folders searched for `<name>.manifest.yaml|yml|json`, in order (default: datasets/, datasets/subsets/). */
  manifestDirs?: readonly string[];
}

/**
 * Citations of every dataset a run used (manifest.json `datasets`), completed from the dataset manifests: one per
 * dataset, however many roles it filled (a dataset giving both the residential load and the carbon intensity is
 * cited once, with both roles and the files of both, each file once).
 */
export function datasetCitations({ manifest, manifestDirs = [manifestsDir, subsetsDir] }: DatasetCitationsParameters): DatasetCitation[] {
  const byName = new Map<string, { roles: string[]; files: Map<string, string> }>();
  for (const d of manifest.datasets) {
    const entry = byName.get(d.name) ?? { roles: [], files: new Map<string, string>() };
    byName.set(d.name, entry);
    if (d.role !== undefined && !entry.roles.includes(d.role)) entry.roles.push(d.role);
    for (const f of d.files) if (!entry.files.has(f.path)) entry.files.set(f.path, f.sha256);
  }
  return [...byName].map(([name, { roles, files: fileMap }]) => {
    const files = [...fileMap].map(([path, sha256]) => ({ path, sha256 }));
    const m = datasetManifest({ name, manifestDirs });
    if (m === null) return { name, description: null, citation: null, source: null, licence: null, roles, files };
    return { name, description: m.description, citation: m.citation, source: m.source, licence: m.licence, roles, files };
  });
}

function datasetManifest({ name, manifestDirs }: { name: string; manifestDirs: readonly string[] }) {
  for (const dir of manifestDirs) {
    for (const ext of ['yaml', 'yml', 'json']) {
      const path = join(dir, `${name}.manifest.${ext}`);
      if (existsSync(path)) return parseManifest({ text: readFileSync(path, 'utf8'), path });
    }
  }
  return null;
}
