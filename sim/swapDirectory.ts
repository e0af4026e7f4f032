import { existsSync, renameSync, rmSync } from 'node:fs';

export interface SwapDirectoryParameters {
  /** A complete sibling folder (e.g. `<dir>.tmp-<tag>`), written before the swap. */
  temp: string;
  /** The folder `temp` replaces. */
  dir: string;
  /** Suffix of the folder the previous `dir` is moved to while swapping (the CLI passes its pid). */
  tag: string;
}

/**
 * Puts `temp` in the place of `dir` by rename, so readers see the old folder or the new one, never a half-written
 * one. The previous `dir` is removed afterwards, or put back when the rename fails. The folder counterpart of
 * `writeAtomic`.
 */
export function swapDirectory({ temp, dir, tag }: SwapDirectoryParameters): void {
  const old = `${dir}.old-${tag}`;
  if (existsSync(dir)) renameSync(dir, old);
  try {
    renameSync(temp, dir);
  } catch (error) {
    if (!existsSync(dir) && existsSync(old)) renameSync(old, dir);
    throw error;
  }
  rmSync(old, { recursive: true, force: true });
}
