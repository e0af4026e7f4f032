import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DatasetError } from '../errors.ts';

/** The project root (the folder holding package.json and datasets/). */
export const projectRoot: string = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Committed compact subsets (small gzip CSVs + their manifests). */
export const subsetsDir: string = join(projectRoot, 'datasets', 'subsets');

/** Manifests of the full datasets. */
export const manifestsDir: string = join(projectRoot, 'datasets');

export type DataRootSource = 'flag' | 'env' | 'shared' | 'subsets';

export interface ResolveDataRootParameters {
  /** The `--data` flag value. */
  data?: string;
  /** Environment (the CLI passes process.env); `PEAKLAB_DATA` is read from it. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Defaults to this checkout's root. */
  root?: string;
}

export interface ResolveDataRootResult {
  dataRoot: string;
  source: DataRootSource;
  /** Every candidate considered, in order, with what was found — for error messages. */
  tried: readonly string[];
}

const isDir = (p: string) => existsSync(p) && statSync(p).isDirectory();

/**
 * Where dataset files live: `--data` > `PEAKLAB_DATA` > `../shared/datasets` next to the project
 * (when present) > the committed subsets in `datasets/subsets/`.
 */
export function resolveDataRoot({ data, env = {}, root = projectRoot }: ResolveDataRootParameters = {}): ResolveDataRootResult {
  const tried: string[] = [];
  const explicit = (value: string, source: 'flag' | 'env', what: string): ResolveDataRootResult => {
    const dir = isAbsolute(value) ? value : resolve(value);
    if (!isDir(dir)) {
      throw new DatasetError(`Data root ${dir} (from ${what}) does not exist`, {
        details: `${what} = ${value}`,
        hint: `Point ${what} at the folder that holds the dataset folders (e.g. ../shared/datasets), or unset it to use the committed subsets in ${join(root, 'datasets', 'subsets')}.`,
      });
    }
    return { dataRoot: dir, source, tried: [...tried, `${what}: ${dir}`] };
  };
  if (data !== undefined && data !== '') return explicit(data, 'flag', '--data');
  tried.push('--data: not given');
  const fromEnv = env.PEAKLAB_DATA;
  if (fromEnv !== undefined && fromEnv !== '') return explicit(fromEnv, 'env', 'PEAKLAB_DATA');
  tried.push('PEAKLAB_DATA: not set');
  const shared = resolve(root, '..', 'shared', 'datasets');
  if (isDir(shared)) return { dataRoot: shared, source: 'shared', tried: [...tried, `shared: ${shared}`] };
  tried.push(`shared: ${shared} (absent)`);
  const subsets = join(root, 'datasets', 'subsets');
  if (isDir(subsets)) return { dataRoot: subsets, source: 'subsets', tried: [...tried, `subsets: ${subsets}`] };
  tried.push(`subsets: ${subsets} (absent)`);
  throw new DatasetError('No data root found', {
    details: tried.join('; '),
    hint: 'Pass --data <dir> or set PEAKLAB_DATA to the datasets folder, or regenerate the subsets with `npm run data:subsets`.',
  });
}

/** Dataset names that have a manifest in `dir` (`<name>.manifest.yaml|yml|json`), sorted. */
export function listManifests(dir: string): string[] {
  if (!isDir(dir)) return [];
  return readdirSync(dir)
    .map((f) => /^(.+)\.manifest\.(ya?ml|json)$/.exec(f)?.[1])
    .filter((x): x is string => x !== undefined)
    .sort();
}
