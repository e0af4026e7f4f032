import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { PeaklabError } from '../errors.ts';
import { swapDirectory } from '../swapDirectory.ts';

export interface WriteRunDirectoryParameters {
  /** The run directory to (re)place. */
  dir: string;
  /** File name → content, written in this order. */
  files: ReadonlyMap<string, string>;
  /** Suffix of the temporary folder (the CLI passes its pid). */
  tag: string;
}

/** Temporary folder a run directory is assembled in. */
export const tmpDirOf = (dir: string, tag: string): string => `${resolve(dir)}.tmp-${tag}`;

/**
 * Writes a run directory atomically: every file goes to `<dir>.tmp-<tag>/`, which replaces `<dir>` by rename
 * only when complete, so a failure never leaves a half-written run directory (the temporary folder is removed).
 */
export function writeRunDirectory({ dir, files, tag }: WriteRunDirectoryParameters): string {
  const target = resolve(dir);
  const tmp = tmpDirOf(target, tag);
  try {
    rmSync(tmp, { recursive: true, force: true });
    mkdirSync(dirname(target), { recursive: true });
    mkdirSync(tmp);
    for (const [name, content] of files) writeFileSync(join(tmp, name), content);
    swapDirectory({ temp: tmp, dir: target, tag });
    return target;
  } catch (error) {
    rmSync(tmp, { recursive: true, force: true });
    throw new PeaklabError(`Could not write the run directory ${target}`, {
      details: error instanceof Error ? error.message : String(error),
      hint: 'Check that the output folder is writable (--out).',
      cause: error,
    });
  }
}
