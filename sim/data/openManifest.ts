import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatasetError } from '../errors.ts';
import type { Manifest } from './manifest.ts';
import { parseManifest } from './parseManifest.ts';
import { type ResolveDataRootResult, listManifests, manifestsDir, resolveDataRoot, subsetsDir } from './resolveDataRoot.ts';

export interface OpenManifestParameters {
  /** Dataset view name (the manifest's `name`, file `<name>.manifest.{yaml,yml,json}`). */
  name: string;
  /** Folder holding the data files; resolved with `resolveDataRoot` when omitted. */
  dataRoot?: string;
  /** Folder holding the manifest; default: the data root when it carries `<name>.manifest.*`, else `datasets/`. */
  manifestDir?: string;
  /** `--data` flag, used only when `dataRoot` is omitted. */
  data?: string;
  /** Environment for `PEAKLAB_DATA`, used only when `dataRoot` is omitted. */
  env?: Readonly<Record<string, string | undefined>>;
}

export interface OpenManifestResult {
  manifest: Manifest;
  manifestPath: string;
  /** The data root every table file was found in. */
  dataRoot: string;
}

const MANIFEST_EXTS = ['yaml', 'yml', 'json'];

/**
 * Finds and parses a dataset's manifest and makes sure every file it names is in the data root. When
 * either is missing, the error lists where it looked and how to get the data (the full datasets, or a
 * committed subset).
 */
export function openManifest({ name, dataRoot, manifestDir, data, env }: OpenManifestParameters): OpenManifestResult {
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
  return { manifest, manifestPath, dataRoot: root };
}

function findManifest(name: string, dirs: readonly string[]): string | undefined {
  for (const dir of dirs) {
    for (const ext of MANIFEST_EXTS) {
      const p = join(dir, `${name}.manifest.${ext}`);
      if (existsSync(p)) return p;
    }
  }
  return undefined;
}
