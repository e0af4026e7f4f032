import { CAUSE_DST_REPEAT, CAUSE_GAP } from './finding.ts';

export interface MarkDstRepeatGapsParameters {
  /** Cause codes per interval (changed in place). */
  cause: Uint8Array;
  /** 1 where the interval's wall time occurs twice (Axis.ambiguous). */
  ambiguous: Uint8Array;
}

/**
 * A run of intervals without a row that lies entirely inside a repeated fall-back hour is the missing
 * second occurrence (CAUSE_DST_REPEAT, policy.dstRepeat); a longer outage that merely spans one stays a gap.
 */
export function markDstRepeatGaps({ cause, ambiguous }: MarkDstRepeatGapsParameters): void {
  const n = cause.length;
  for (let i = 0; i < n; ) {
    if (cause[i] !== CAUSE_GAP) {
      i++;
      continue;
    }
    let j = i;
    let allAmbiguous = true;
    while (j < n && cause[j] === CAUSE_GAP) {
      if (ambiguous[j] !== 1) allAmbiguous = false;
      j++;
    }
    if (allAmbiguous) for (let k = i; k < j; k++) cause[k] = CAUSE_DST_REPEAT;
    i = j;
  }
}
