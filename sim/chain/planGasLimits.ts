import { type CallLabel, callKey } from './contractRegistry.ts';
import type { Call } from './writeCall.ts';

export interface PlanGasLimitsParameters {
  calls: readonly Call[];
  /** The label of each call. */
  labels: readonly CallLabel[];
  /** Fixed gas limits by `Contract.function`. */
  gasLimits: Readonly<Record<string, bigint>>;
  gasPolicy: 'first-estimate' | 'estimate';
  /** Limits from earlier first estimates, by `Contract.function`. */
  firstEstimates: ReadonlyMap<string, bigint>;
}

export interface PlanGasLimitsResult {
  /** The limit of each call known without asking the node; undefined for a call to estimate, or one that reuses
   *  the estimate of an earlier call of its `Contract.function` in this batch. */
  limits: (bigint | undefined)[];
  /** The calls to estimate (indices, in call order). */
  toEstimate: number[];
}

/**
 * Where each call's gas limit comes from: its own `gas`, else `gasLimits[Contract.function]`, else an estimate —
 * of this very call (`gas: 'estimate'` or policy 'estimate'), or, under 'first-estimate', of the first call of its
 * `Contract.function` ever (remembered in `firstEstimates`, or made in this batch).
 */
export function planGasLimits({ calls, labels, gasLimits, gasPolicy, firstEstimates }: PlanGasLimitsParameters): PlanGasLimitsResult {
  const limits: (bigint | undefined)[] = calls.map((c, i) =>
    typeof c.gas === 'bigint' ? c.gas : c.gas === 'estimate' ? undefined : gasLimits[callKey(labels[i])],
  );
  const toEstimate: number[] = [];
  const firstOfKey = new Map<string, number>();
  calls.forEach((c, i) => {
    if (limits[i] !== undefined) return;
    const key = callKey(labels[i]);
    if (c.gas === 'estimate' || gasPolicy === 'estimate') {
      toEstimate.push(i);
    } else if (firstEstimates.has(key)) {
      limits[i] = firstEstimates.get(key);
    } else if (!firstOfKey.has(key)) {
      firstOfKey.set(key, i);
      toEstimate.push(i);
    }
  });
  return { limits, toEstimate };
}
