import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface WriteAtomicParameters {
  path: string;
  content: string | Uint8Array;
}

/**
 * Writes `content` to `path` atomically (creating its folder): a temp file in the same folder, then rename, so a
 * reader never sees a half-written file. Shared by every stage that writes files, like `errors.ts`.
 */
export function writeAtomic({ path, content }: WriteAtomicParameters): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.tmp-${process.pid}`;
  writeFileSync(temp, content);
  renameSync(temp, path);
}
