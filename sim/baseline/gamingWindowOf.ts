import type { BaselineMethodSpec } from './baselineMethodSpec.ts';

/**
 * The hours a gaming consumer inflates against a spec, as offsets [from, to) from the event start: the
 * `hoursBefore` hours before the event when given; otherwise the method's own adjustment window (PJM Same Day:
 * its pre-event hours; methods without an adjustment: the 4 h before the event).
 */
export function gamingWindowOf(spec: BaselineMethodSpec, hoursBefore?: number): readonly [number, number] {
  if (hoursBefore !== undefined) return [-hoursBefore, 0];
  if (spec.kind === 'sameDay') return [-(spec.gapBefore + spec.hoursBefore), -spec.gapBefore];
  if (spec.adjustment.kind === 'none') return [-4, 0];
  return [-(spec.adjustment.gapHours + spec.adjustment.windowHours), -spec.adjustment.gapHours];
}
