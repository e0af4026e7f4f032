import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { DatasetError } from '../errors.ts';
import { sha256Of } from './sha256Of.ts';

export interface ReadCheckedFileParameters {
  dataRoot: string;
  /** File relative to the data root (`.gz` is decompressed). */
  file: string;
  /** The sha256 the manifest records for the file's bytes as stored. */
  sha256: string;
  /** Where the manifest lives (for error messages). */
  manifestPath: string;
}

/** Reads a data file's bytes, checks its sha256 and returns its text (gunzipped, byte-order mark dropped). */
export function readCheckedFile({ dataRoot, file, sha256, manifestPath }: ReadCheckedFileParameters): string {
  const path = join(dataRoot, file);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (cause) {
    throw new DatasetError(`Data file ${file} is missing`, {
      details: `looked for ${path} (data root ${dataRoot}; manifest ${manifestPath})`,
      hint: 'Point --data or PEAKLAB_DATA at the folder holding the datasets, or use a dataset from datasets/subsets/.',
      cause,
    });
  }
  const found = sha256Of(bytes);
  if (found !== sha256) {
    throw new DatasetError(`Checksum mismatch for ${file}`, {
      details: `file ${path}: expected sha256 ${sha256} (manifest ${manifestPath}), found ${found}`,
      hint: 'The file is corrupt or a different version: restore the original file, or, if the new version is intended, review it and update sha256 in the manifest.',
    });
  }
  const raw = file.endsWith('.gz') ? gunzipSync(bytes) : bytes;
  let text = raw.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text;
}
