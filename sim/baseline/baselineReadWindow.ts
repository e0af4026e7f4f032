/**
 * What load a baseline method reads, declared from its spec: the time ranges (epoch ms, [from, to)) and the
 * earliest decision time at which it can be computed (`settlementTime`). Every method except PJM Same Day
 * reads only before the event start, so it can be computed — and published on chain — as the event begins.
 * Same Day reads hours after the event, so its gate opens only at settlement, after those hours.
 */
import type { BaselineMethodSpec } from './baselineMethodSpec.ts';

const HOUR_MS = 3_600_000;

export interface BaselineEvent {
  /** Epoch ms (UTC instant) of the first event interval. */
  readonly start: number;
  /** Whole hours. */
  readonly durationHours: number;
}

export interface BaselineReadWindowParameters {
  spec: BaselineMethodSpec;
  event: BaselineEvent;
}

export interface TimeRange {
  readonly from: number;
  readonly to: number;
}

export interface BaselineReadWindowResult {
  /** Load ranges the method may read (from may be −Infinity: the lookback). */
  readonly loadRanges: readonly TimeRange[];
  /** Earliest decision time at which the baseline can be computed (= end of the last range read). */
  readonly settlementTime: number;
  /** True when the method reads load at or after the event start (computed ex post). */
  readonly readsAfterEventStart: boolean;
}

export function baselineReadWindow({ spec, event }: BaselineReadWindowParameters): BaselineReadWindowResult {
  if (spec.kind !== 'sameDay') {
    return { loadRanges: [{ from: Number.NEGATIVE_INFINITY, to: event.start }], settlementTime: event.start, readsAfterEventStart: false };
  }
  const end = event.start + event.durationHours * HOUR_MS;
  const before = { from: event.start - (spec.gapBefore + spec.hoursBefore) * HOUR_MS, to: event.start - spec.gapBefore * HOUR_MS };
  if (spec.hoursAfter === 0) return { loadRanges: [before], settlementTime: event.start, readsAfterEventStart: false };
  const after = { from: end + spec.gapAfter * HOUR_MS, to: end + (spec.gapAfter + spec.hoursAfter) * HOUR_MS };
  return { loadRanges: [before, after], settlementTime: after.to, readsAfterEventStart: true };
}
