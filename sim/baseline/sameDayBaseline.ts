/**
 * PJM "Same Day (X + Y)": the flat mean of the `hoursBefore` hours ending `gapBefore` hours before the
 * event and the `hoursAfter` hours starting `gapAfter` hours after it. Reads load after the event, so
 * `computeBaseline` only runs it through a history opened at its settlement time.
 */
import type { SameDaySpec } from './baselineMethodSpec.ts';
import type { BaselineComputation, BaselineInputs } from './baselineInputs.ts';
import { insufficient } from './baselineInputs.ts';

export interface SameDayBaselineParameters {
  spec: SameDaySpec;
  inputs: BaselineInputs;
}

export function sameDayBaseline({ spec, inputs }: SameDayBaselineParameters): BaselineComputation {
  const { eventIndex, hours, frameLength } = inputs;
  const beforeFrom = eventIndex - spec.gapBefore - spec.hoursBefore;
  const afterFrom = eventIndex + hours + spec.gapAfter;
  const afterTo = afterFrom + spec.hoursAfter;
  if (beforeFrom < 0 || afterTo > frameLength) return insufficient(hours, 'the same-day hours fall outside the data');
  const before = inputs.readLoad(beforeFrom, beforeFrom + spec.hoursBefore);
  const after = spec.hoursAfter > 0 ? inputs.readLoad(afterFrom, afterTo) : new Float64Array(0);
  let sum = 0;
  for (const v of before) sum += v;
  for (const v of after) sum += v;
  const mean = sum / (before.length + after.length);
  if (!Number.isFinite(mean)) return insufficient(hours, 'missing load in the same-day hours');
  return { values: new Float64Array(hours).fill(mean), days: [inputs.eventDay], adjustment: null, insufficient: null };
}
