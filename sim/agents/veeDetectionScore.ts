import { METER_FAULTS, type MeterFaultKind } from '../scenario/index.ts';
import { UsageError } from '../errors.ts';

export interface VeeDetectionScoreParameters {
  /** Ground truth per read (meterReads().truth: 0 clean, 1 + METER_FAULTS index). */
  truth: Uint8Array;
  /** VEE reason per read (validateReads().reason: codes 1–5 look for the fault of the same code, 6 = negative). */
  reason: Uint8Array;
}

export interface DetectionCounts {
  /** Faulty reads flagged with the matching reason. */
  truePositives: number;
  /** Reads flagged with this reason that do not carry this fault. */
  falsePositives: number;
  /** Reads with this fault not flagged with the matching reason. */
  falseNegatives: number;
  /** TP / (TP + FP); NaN when nothing was flagged. */
  precision: number;
  /** TP / (TP + FN); NaN when nothing was injected. */
  recall: number;
}

export interface VeeDetectionScoreResult {
  byFault: Record<MeterFaultKind, DetectionCounts>;
  /** Any fault vs. any flag, regardless of kind. */
  any: DetectionCounts;
  reads: number;
  faultyReads: number;
  flaggedReads: number;
}

const counts = (tp: number, fp: number, fn: number): DetectionCounts => ({
  truePositives: tp,
  falsePositives: fp,
  falseNegatives: fn,
  precision: tp + fp > 0 ? tp / (tp + fp) : Number.NaN,
  recall: tp + fn > 0 ? tp / (tp + fn) : Number.NaN,
});

/** Read-level precision and recall of the oracle's VEE against the faults meterReads injected. */
export function veeDetectionScore({ truth, reason }: VeeDetectionScoreParameters): VeeDetectionScoreResult {
  if (truth.length !== reason.length) {
    throw new UsageError(`veeDetectionScore: ${truth.length} ground-truth codes but ${reason.length} VEE reasons`, { hint: 'Score the VEE output of the same reads.' });
  }
  const K = METER_FAULTS.length;
  const tp = new Float64Array(K + 1);
  const fp = new Float64Array(K + 1);
  const fn = new Float64Array(K + 1);
  let anyTp = 0;
  let anyFp = 0;
  let anyFn = 0;
  let faulty = 0;
  let flaggedReads = 0;
  for (let k = 0; k < truth.length; k++) {
    const f = truth[k]!;
    const r = reason[k]!;
    if (f !== 0) faulty += 1;
    if (r !== 0) flaggedReads += 1;
    if (f !== 0 && r !== 0) anyTp += 1;
    else if (r !== 0) anyFp += 1;
    else if (f !== 0) anyFn += 1;
    if (f !== 0 && r === f) tp[f] += 1;
    else {
      if (f !== 0) fn[f] += 1;
      if (r >= 1 && r <= K) fp[r] += 1;
    }
  }
  const byFault = Object.fromEntries(METER_FAULTS.map((kind, k) => [kind, counts(tp[k + 1]!, fp[k + 1]!, fn[k + 1]!)])) as Record<MeterFaultKind, DetectionCounts>;
  return { byFault, any: counts(anyTp, anyFp, anyFn), reads: truth.length, faultyReads: faulty, flaggedReads };
}
