/**
 * Exponentially weighted rolling baseline (ISO-NE "90/10"): per hour offset, B starts as the mean of the
 * oldest `initDays` like days of the lookback, then B ← (1 − weight)·B + weight·L for each later like day
 * (excluded days, e.g. event days, do not update it). The adjustment window is rolled the same way.
 */
import type { RollingSpec } from './baselineMethodSpec.ts';
import type { BaselineComputation, BaselineInputs } from './baselineInputs.ts';
import { insufficient } from './baselineInputs.ts';
import { actualWindowMean, adjustmentOffsets } from './baselineFromDays.ts';
import { applyAdjustment } from './applyAdjustment.ts';
import { likeDayPool } from './likeDays.ts';

export interface RollingBaselineParameters {
  spec: RollingSpec;
  inputs: BaselineInputs;
}

export function rollingBaseline({ spec, inputs }: RollingBaselineParameters): BaselineComputation {
  const { hours } = inputs;
  const [w0, w1] = adjustmentOffsets(spec.adjustment);
  const { pool, load, loadFrom, minOffset } = likeDayPool({ inputs, spec });
  if (pool.length < spec.initDays) {
    return insufficient(hours, `only ${pool.length} like days for the ${spec.initDays}-day initialisation in the ${spec.lookbackDays}-day lookback`);
  }
  const chronological = pool.slice().reverse();
  const width = hours - minOffset; // offsets minOffset .. hours-1
  const b = new Float64Array(width);
  for (let j = 0; j < spec.initDays; j++) {
    const anchor = chronological[j]!.anchor;
    for (let o = 0; o < width; o++) b[o] += load[anchor + minOffset + o - loadFrom]!;
  }
  for (let o = 0; o < width; o++) b[o] /= spec.initDays;
  for (let j = spec.initDays; j < chronological.length; j++) {
    const anchor = chronological[j]!.anchor;
    for (let o = 0; o < width; o++) b[o] = (1 - spec.weight) * b[o]! + spec.weight * load[anchor + minOffset + o - loadFrom]!;
  }
  const base = b.slice(-minOffset, -minOffset + hours);
  const days = pool.map((d) => d.day);
  if (spec.adjustment.kind === 'none') return { values: base, days, adjustment: null, insufficient: null };
  let windowSum = 0;
  for (let o = w0; o < w1; o++) windowSum += b[o - minOffset]!;
  const actual = actualWindowMean(inputs, spec.adjustment, load, loadFrom);
  if (!Number.isFinite(actual)) return insufficient(hours, 'adjustment window has missing load');
  const { values, outcome } = applyAdjustment({
    baseline: base, adjustment: spec.adjustment, actualWindowMean: actual, baselineWindowMean: windowSum / (w1 - w0),
  });
  return { values, days, adjustment: outcome, insufficient: null };
}
