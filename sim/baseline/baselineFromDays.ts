/**
 * Averages the selected like days hour by hour over the event hours (and, for the adjustment, over the
 * window hours), then applies the day-of adjustment with the actual load of the event day's window.
 */
import type { AdjustmentSpec } from './baselineMethodSpec.ts';
import type { BaselineComputation, BaselineInputs } from './baselineInputs.ts';
import type { LikeDay } from './likeDays.ts';
import { applyAdjustment } from './applyAdjustment.ts';

export interface BaselineFromDaysParameters {
  inputs: BaselineInputs;
  selected: readonly LikeDay[];
  adjustment: AdjustmentSpec;
  load: Float64Array;
  loadFrom: number;
}

/** Window offsets [from, to) relative to the event start for an adjustment (empty for `none`). */
export function adjustmentOffsets(adjustment: AdjustmentSpec): readonly [number, number] {
  if (adjustment.kind === 'none') return [0, 0];
  return [-(adjustment.gapHours + adjustment.windowHours), -adjustment.gapHours];
}

/** Mean of the event day's actual load over the adjustment window, NaN if any hour is missing. */
export function actualWindowMean(inputs: BaselineInputs, adjustment: AdjustmentSpec, load: Float64Array, loadFrom: number): number {
  const [w0, w1] = adjustmentOffsets(adjustment);
  let sum = 0;
  for (let o = w0; o < w1; o++) {
    const i = inputs.eventIndex + o;
    if (i < loadFrom) return Number.NaN;
    sum += load[i - loadFrom]!;
  }
  return sum / (w1 - w0);
}

export function baselineFromDays({ inputs, selected, adjustment, load, loadFrom }: BaselineFromDaysParameters): BaselineComputation {
  const { hours } = inputs;
  const n = selected.length;
  const base = new Float64Array(hours);
  for (const { anchor } of selected) for (let k = 0; k < hours; k++) base[k] += load[anchor + k - loadFrom]!;
  for (let k = 0; k < hours; k++) base[k] /= n;
  const days = selected.map((s) => s.day);
  if (adjustment.kind === 'none') return { values: base, days, adjustment: null, insufficient: null };
  const [w0, w1] = adjustmentOffsets(adjustment);
  let windowSum = 0;
  for (const { anchor } of selected) for (let o = w0; o < w1; o++) windowSum += load[anchor + o - loadFrom]!;
  const baselineWindowMean = windowSum / (n * (w1 - w0));
  const actual = actualWindowMean(inputs, adjustment, load, loadFrom);
  if (!Number.isFinite(actual)) {
    return { values: new Float64Array(hours).fill(Number.NaN), days, adjustment: null, insufficient: 'adjustment window has missing load' };
  }
  const { values, outcome } = applyAdjustment({ baseline: base, adjustment, actualWindowMean: actual, baselineWindowMean });
  return { values, days, adjustment: outcome, insufficient: null };
}
