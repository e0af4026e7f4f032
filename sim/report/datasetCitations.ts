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
  /** Files the run read, with their sha256 (from the run's manifest.json). */
  readonly files: readonly { path: string; sha256: string }[];
}

export interface DatasetCitationsParameters {
  manifest: RunManifest;
  /** Folders searched for `<name>.manifest.yaml|yml|json`, in order (default: datasets/, datasets/subsets/). */
  manifestDirs?: readonly string[];
}

/** Citations of every dataset a run used (manifest.json `datasets`), completed from the dataset manifests. */
export function datasetCitations({ manifest, manifestDirs = [manifestsDir, subsetsDir] }: DatasetCitationsParameters): DatasetCitation[] {
  return manifest.datasets.map((d) => {
    const files = d.files.map((f) => ({ path: f.path, sha256: f.sha256 }));
    for (const dir of manifestDirs) {
      for (const ext of ['yaml', 'yml', 'json']) {
        const path = join(dir, `${d.name}.manifest.${ext}`);
        if (!existsSync(path)) continue;
        const m = parseManifest({ text: readFileSync(path, 'utf8'), path });
        return { name: d.name, description: m.description, citation: m.citation, source: m.source, licence: m.licence, files };
      }
    }
    return { name: d.name, description: null, citation: null, source: null, licence: null, files };
  });
}
