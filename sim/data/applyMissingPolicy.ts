import type { Series } from './assembleColumn.ts';
import type { Axis } from './frameAxis.ts';
import {
  CAUSE_DST_REPEAT,
  CAUSE_GAP,
  CAUSE_MISSING,
  CAUSE_NEGATIVE,
  CAUSE_NON_NUMERIC,
  causeKinds,
  causeText,
  type Finding,
  type FindingAction,
} from './finding.ts';
import { isoInstant } from './isoInstant.ts';
import type { FindingKind, Policy } from './manifest.ts';

export interface ApplyMissingPolicyParameters {
  /** The column (values interpolated in place). */
  series: Series;
  name: string;
  axis: Axis;
  policy: Policy;
  /** Findings are appended here. */
  findings: Finding[];
}

type MissingAction = 'fail' | 'drop' | 'interpolate';

/**
 * The missing-value policy over each block of consecutive missing intervals. The block is interpolated
 * linearly when every cause in it says interpolate, it is at most policy.maxInterpolate long and has a
 * value on both sides; otherwise it stays NaN. Each run of one cause inside a block is one finding.
 */
export function applyMissingPolicy({ series, name, axis, policy, findings }: ApplyMissingPolicyParameters): void {
  const { values, cause, line } = series;
  const n = axis.length;
  let i = 0;
  while (i < n) {
    if (!Number.isNaN(values[i]!)) {
      i++;
      continue;
    }
    let j = i;
    while (j < n && Number.isNaN(values[j]!)) j++;
    const runs = causeRuns(cause, i, j, policy);
    const blockLen = j - i;
    const canInterpolate = runs.every((r) => r.action === 'interpolate') && blockLen <= policy.maxInterpolate && i > 0 && j < n;
    if (canInterpolate) {
      const a = values[i - 1]!;
      const b = values[j]!;
      for (let k = i; k < j; k++) values[k] = a + ((b - a) * (k - i + 1)) / (blockLen + 1);
    }
    for (const r of runs) {
      const kind = (causeKinds[r.cause] ?? 'gap') as FindingKind;
      let action: FindingAction = r.action;
      let why = '';
      if (r.action === 'interpolate' && !canInterpolate) {
        action = 'drop';
        why =
          blockLen > policy.maxInterpolate
            ? ` — run of ${blockLen} missing interval(s) exceeds maxInterpolate ${policy.maxInterpolate}, left missing (NaN)`
            : i === 0 || j === n
              ? ' — at the edge of the data, nothing to interpolate from, left missing (NaN)'
              : ' — part of a run that the policy does not interpolate, left missing (NaN)';
      }
      const firstLine = line[r.start]!;
      findings.push({
        kind,
        column: name,
        timestamp: isoInstant(axis.time[r.start]!),
        file: series.file,
        line: firstLine >= 0 ? firstLine : null,
        count: r.end - r.start,
        action,
        message: `${r.end - r.start} interval(s): ${causeText[r.cause] ?? kind}; ${
          action === 'interpolate' ? 'interpolated linearly' : action === 'drop' ? 'left missing (NaN)' : `policy ${kind}: fail`
        }${why}`,
      });
    }
    i = j;
  }
}

/** The block [i, j) cut into runs of one cause, each with the policy's action for that cause. */
function causeRuns(cause: Uint8Array, i: number, j: number, policy: Policy): { start: number; end: number; cause: number; action: MissingAction }[] {
  const runs: { start: number; end: number; cause: number; action: MissingAction }[] = [];
  for (let k = i; k < j; ) {
    let e = k;
    while (e < j && cause[e] === cause[k]) e++;
    runs.push({ start: k, end: e, cause: cause[k]!, action: policyFor(policy, cause[k]!) });
    k = e;
  }
  return runs;
}

/** The policy's action for a cause of missing values (negatives dropped unless set to interpolate; duplicates dropped). */
function policyFor(policy: Policy, cause: number): MissingAction {
  switch (cause) {
    case CAUSE_GAP:
      return policy.gap;
    case CAUSE_MISSING:
      return policy.missing;
    case CAUSE_NON_NUMERIC:
      return policy.nonNumeric;
    case CAUSE_NEGATIVE:
      return policy.negative === 'interpolate' ? 'interpolate' : 'drop';
    case CAUSE_DST_REPEAT:
      return policy.dstRepeat;
    default:
      return 'drop';
  }
}
