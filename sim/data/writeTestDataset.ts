/**
 * Test support: writes a small dataset (CSV files, optionally gzipped, and a manifest whose sha256
 * fields are filled in) into a fresh temporary folder. Used by the sim/data tests only.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { stringify } from 'yaml';

export interface WriteTestDatasetParameters {
  /** File name (relative to the data root) → CSV text. Names ending in .gz are gzipped. */
  files: Record<string, string>;
  /** Manifest object; each table's `sha256: auto` is replaced by the file's real sha256. */
  manifest: Record<string, unknown> & { name: string; tables: Record<string, unknown>[] };
}

export interface WriteTestDatasetResult {
  dir: string;
  sha256: Record<string, string>;
}

export function writeTestDataset({ files, manifest }: WriteTestDatasetParameters): WriteTestDatasetResult {
  const dir = mkdtempSync(join(tmpdir(), 'peaklab-data-'));
  const sha256: Record<string, string> = {};
  for (const [name, text] of Object.entries(files)) {
    const bytes = name.endsWith('.gz') ? gzipSync(Buffer.from(text, 'utf8')) : Buffer.from(text, 'utf8');
    writeFileSync(join(dir, name), bytes);
    sha256[name] = createHash('sha256').update(bytes).digest('hex');
  }
  const tables = manifest.tables.map((t) => (t.sha256 === 'auto' ? { ...t, sha256: sha256[t.file as string] } : t));
  writeFileSync(join(dir, `${manifest.name}.manifest.yaml`), stringify({ ...manifest, tables }));
  return { dir, sha256 };
}
