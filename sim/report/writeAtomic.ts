import { renameSync, writeFileSync } from 'node:fs';

/** Writes `content` to `path` atomically: a temp file in the same folder, then rename. */
export function writeAtomic({ path, content }: { path: string; content: string | Uint8Array }): void {
  const temp = `${path}.tmp-${process.pid}`;
  writeFileSync(temp, content);
  renameSync(temp, path);
}
