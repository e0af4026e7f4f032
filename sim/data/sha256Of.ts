import { createHash } from 'node:crypto';

/** Hex sha256 of bytes: what a manifest's `sha256` records for each data file. */
export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
