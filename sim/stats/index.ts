/**
 * sim/stats — small pure statistics used to compare runs across seeds: paired differences with a t interval and
 * p-value, Holm's correction for several KPIs at once, Student's t distribution. The only public entry.
 */
export { holm, type HolmParameters, type HolmResult } from './holm.ts';
export { pairedDifference, type PairedDifferenceParameters, type PairedDifferenceResult } from './pairedDifference.ts';
export { incompleteBeta, studentTCdf, studentTQuantile } from './studentT.ts';
