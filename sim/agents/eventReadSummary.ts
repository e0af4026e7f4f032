import { UsageError } from '../errors.ts';
import { VEE_REASONS, VEE_STATUS, type ValidateReadsResult } from './validateReads.ts';

export interface EventReadSummaryParameters {
  /** The VEE result of the event's day. */
  vee: Pick<ValidateReadsResult, 'status' | 'reason' | 'value'>;
  /** Intervals [start, end) of the event (or of any settlement window) within the day. */
  start: number;
  end: number;
  intervalsPerHour?: 1 | 4;
}

export interface EventReadSummaryResult {
  /** Energy of the reads settlement may use (valid + estimated), per consumer (kWh). Rejected reads earn nothing. */
  acceptedKwh: Float64Array;
  validIntervals: Uint16Array;
  estimatedIntervals: Uint16Array;
  rejectedIntervals: Uint16Array;
  /** count × VEE_REASONS: flagged reads in the window per reason (VEE_REASON order), valid reads under reason 0. */
  reasonCounts: Uint16Array;
}

/**
 * Per consumer-event view of VEE: which reads of the event window settlement may use and, for every
 * flagged read, why — counts by reason, so a consumer who earns nothing for an interval can be told why.
 */
export function eventReadSummary({ vee, start, end, intervalsPerHour = 1 }: EventReadSummaryParameters): EventReadSummaryResult {
  const width = 24 * intervalsPerHour;
  const n = vee.status.length / width;
  if (!Number.isInteger(n) || !(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start < end && end <= width)) {
    throw new UsageError(`eventReadSummary: window [${start}, ${end}) does not fit days of ${width} intervals (${vee.status.length} reads)`, {
      hint: 'Pass one day of VEE output, its intervalsPerHour, and an interval window inside the day.',
    });
  }
  const acceptedKwh = new Float64Array(n);
  const validIntervals = new Uint16Array(n);
  const estimatedIntervals = new Uint16Array(n);
  const rejectedIntervals = new Uint16Array(n);
  const reasonCounts = new Uint16Array(n * VEE_REASONS);
  for (let i = 0; i < n; i++) {
    for (let t = start; t < end; t++) {
      const k = i * width + t;
      const s = vee.status[k]!;
      reasonCounts[i * VEE_REASONS + vee.reason[k]!] += 1;
      if (s === VEE_STATUS.rejected) {
        rejectedIntervals[i] += 1;
        continue;
      }
      acceptedKwh[i] += vee.value[k]!;
      if (s === VEE_STATUS.estimated) estimatedIntervals[i] += 1;
      else validIntervals[i] += 1;
    }
  }
  return { acceptedKwh, validIntervals, estimatedIntervals, rejectedIntervals, reasonCounts };
}
