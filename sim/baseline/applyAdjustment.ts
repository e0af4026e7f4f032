/**
 * Day-of adjustment of an unadjusted baseline (pure). `ratio` scales by actual/baseline over the window,
 * `additive` shifts by actual − baseline; both bounded by `cap` expressed as a ratio (see AdjustmentCap).
 * An adjusted baseline is never negative.
 */
import type { AdjustmentCap, AdjustmentSpec } from './baselineMethodSpec.ts';
import type { AdjustmentOutcome } from './baselineInputs.ts';

export interface ApplyAdjustmentParameters {
  baseline: Float64Array;
  adjustment: AdjustmentSpec;
  /** Mean actual load over the adjustment window. */
  actualWindowMean: number;
  /** Mean unadjusted baseline over the same window. */
  baselineWindowMean: number;
}

export interface ApplyAdjustmentResult {
  values: Float64Array;
  outcome: AdjustmentOutcome | null;
}

export function capBounds(cap: AdjustmentCap): readonly [number, number] {
  return typeof cap === 'number' ? [Math.max(0, 1 - cap), 1 + cap] : cap;
}

export function applyAdjustment({ baseline, adjustment, actualWindowMean, baselineWindowMean }: ApplyAdjustmentParameters): ApplyAdjustmentResult {
  if (adjustment.kind === 'none') return { values: baseline, outcome: null };
  const values = new Float64Array(baseline.length);
  const [lo, hi] = adjustment.cap === null ? [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY] : capBounds(adjustment.cap);
  let applied: number;
  let capped = false;
  if (adjustment.kind === 'ratio') {
    // A zero baseline window cannot be scaled meaningfully: leave the baseline as is.
    const raw = baselineWindowMean > 0 ? actualWindowMean / baselineWindowMean : 1;
    applied = Math.min(hi, Math.max(lo, raw));
    capped = applied !== raw;
    for (let k = 0; k < baseline.length; k++) values[k] = Math.max(0, baseline[k]! * applied);
  } else {
    const raw = actualWindowMean - baselineWindowMean;
    const min = (lo - 1) * baselineWindowMean;
    const max = (hi - 1) * baselineWindowMean;
    applied = Math.min(max, Math.max(min, raw));
    capped = applied !== raw;
    for (let k = 0; k < baseline.length; k++) values[k] = Math.max(0, baseline[k]! + applied);
  }
  return { values, outcome: { kind: adjustment.kind, actualWindowMean, baselineWindowMean, applied, capped } };
}
