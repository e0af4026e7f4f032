import { DatasetError } from '../errors.ts';
import { ambiguousIntervals } from './ambiguousIntervals.ts';
import type { Manifest } from './manifest.ts';
import type { TableRecords } from './readTable.ts';
import type { ZonedClock } from './zonedClock.ts';

/** The regular time axis of a frame. */
export interface Axis {
  readonly start: number;
  readonly stepMs: number;
  readonly length: number;
  readonly time: Float64Array;
  /** 1 where the interval's local wall time occurs twice (DST fall-back), for prevailing-clock data. */
  readonly ambiguous: Uint8Array;
}

export interface FrameAxisParameters {
  /** Dataset name (for the error). */
  name: string;
  manifest: Manifest;
  manifestPath: string;
  tables: ReadonlyMap<string, TableRecords>;
  clock: ZonedClock;
}

/**
 * The regular axis: every interval from the first to the last record of any table read (a repeated
 * wall time counting at its second instant), clipped to the manifest's range. No record in range is an error.
 */
export function frameAxis({ name, manifest, manifestPath, tables, clock }: FrameAxisParameters): Axis {
  const stepMs = manifest.time.resolutionMinutes * 60_000;
  const from = manifest.range?.from ? Date.parse(manifest.range.from) : -Infinity;
  const to = manifest.range?.to ? Date.parse(manifest.range.to) : Infinity;
  let lo = Infinity;
  let hi = -Infinity;
  for (const r of tables.values()) {
    for (let i = 0; i < r.length; i++) {
      const t = r.instant[i]!;
      if (t < from || t > to) continue;
      if (t < lo) lo = t;
      if (t > hi) hi = t;
      const rep = r.repeat[i]!;
      if (rep > hi && rep <= to) hi = rep;
    }
  }
  if (!Number.isFinite(lo)) {
    throw new DatasetError(`Dataset "${name}" has no rows${manifest.range ? ' inside its range' : ''}`, {
      details: `${manifestPath}; range ${manifest.range?.from ?? '-'} … ${manifest.range?.to ?? '-'}`,
      hint: 'Check range and the time columns in the manifest.',
    });
  }
  const length = Math.round((hi - lo) / stepMs) + 1;
  const time = new Float64Array(length);
  for (let i = 0; i < length; i++) time[i] = lo + i * stepMs;
  const anyPrevailing = manifest.time.clock === 'prevailing' || manifest.tables.some((t) => t.time.clock === 'prevailing');
  const ambiguous = anyPrevailing ? ambiguousIntervals({ time, stepMs, clock }) : new Uint8Array(length);
  return { start: lo, stepMs, length, time, ambiguous };
}
