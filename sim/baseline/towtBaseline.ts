/**
 * Time-of-week-and-temperature regression (LBNL TOWT; Mathieu, Price, Kiliccote, Piette 2011):
 *   load_t = α[tow(t)] + Σ_j β_j · Tc_j(T_t)
 * with one α per hour of the week (168) and a piecewise-linear temperature response: with knots B_1 < … < B_m,
 * Tc_1 = min(T, B_1), Tc_j = clamp(T − B_{j−1}, 0, B_j − B_{j−1}), Tc_{m+1} = max(T − B_m, 0).
 * Fitted by least squares on the `trainingDays` whole days before the event day (rows with missing load or
 * temperature, holidays and — if `excludeEventDays` — prior event days left out). The event day's own
 * morning is not a training row: with a hot event day its hours can be the only ones in the top
 * temperature segment, and a consumer inflating them would steer that slope (and the baseline). The 168 indicators are
 * eliminated analytically (Schur complement), so a fit costs O(n·k²) with k ≤ 13 temperature terms.
 * Simplification vs the paper: one temperature response for all hours (no occupied/unoccupied split).
 */
import { UsageError } from '../errors.ts';
import type { RegressionSpec } from './baselineMethodSpec.ts';
import type { BaselineComputation, BaselineInputs } from './baselineInputs.ts';
import { insufficient } from './baselineInputs.ts';
import { actualWindowMean, adjustmentOffsets } from './baselineFromDays.ts';
import { applyAdjustment } from './applyAdjustment.ts';

export interface TowtBaselineParameters {
  spec: RegressionSpec;
  inputs: BaselineInputs;
}

const SLOTS = 168;
/** A temperature segment needs this many training hours, else it is merged with its neighbour (LBNL practice). */
const MIN_SEGMENT_POINTS = 20;

export interface MergeSparseSegmentsParameters {
  knots: readonly number[];
  temperatures: readonly number[];
  minPoints: number;
}

/**
 * Drops knots until every temperature segment holds at least `minPoints` training temperatures (a sparse
 * segment is merged into the next warmer one; the warmest into the one below), so that no slope is fitted
 * on a handful of hours and then extrapolated to a hot event day.
 */
export function mergeSparseSegments({ knots, temperatures, minPoints }: MergeSparseSegmentsParameters): number[] {
  const ks = knots.slice();
  for (;;) {
    if (ks.length === 0) return ks;
    const counts = new Array<number>(ks.length + 1).fill(0);
    for (const t of temperatures) {
      let j = 0;
      while (j < ks.length && t >= ks[j]!) j++;
      counts[j]++;
    }
    const sparse = counts.findIndex((c) => c < minPoints);
    if (sparse < 0) return ks;
    ks.splice(sparse === ks.length ? sparse - 1 : sparse, 1);
  }
}

/** Writes the k = knots.length + 1 piecewise temperature components of `t` into out[at..at+k). */
export function temperatureComponents(t: number, knots: readonly number[], out: Float64Array, at: number): void {
  const m = knots.length;
  if (m === 0) {
    out[at] = t;
    return;
  }
  out[at] = Math.min(t, knots[0]!);
  for (let j = 1; j < m; j++) out[at + j] = Math.min(Math.max(t - knots[j - 1]!, 0), knots[j]! - knots[j - 1]!);
  out[at + m] = Math.max(t - knots[m - 1]!, 0);
}

/** Solves A x = b in place (A row-major n×n) by Gaussian elimination with partial pivoting. */
function solve(a: Float64Array, b: Float64Array, n: number): Float64Array {
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r * n + c]!) > Math.abs(a[p * n + c]!)) p = r;
    if (p !== c) {
      for (let j = 0; j < n; j++) [a[c * n + j], a[p * n + j]] = [a[p * n + j]!, a[c * n + j]!];
      [b[c], b[p]] = [b[p]!, b[c]!];
    }
    const pivot = a[c * n + c]!;
    for (let r = c + 1; r < n; r++) {
      const f = a[r * n + c]! / pivot;
      if (f === 0) continue;
      for (let j = c; j < n; j++) a[r * n + j] -= f * a[c * n + j]!;
      b[r] -= f * b[c]!;
    }
  }
  const x = new Float64Array(n);
  for (let r = n - 1; r >= 0; r--) {
    let s = b[r]!;
    for (let j = r + 1; j < n; j++) s -= a[r * n + j]! * x[j]!;
    x[r] = s / a[r * n + r]!;
  }
  return x;
}

export function towtBaseline({ spec, inputs }: TowtBaselineParameters): BaselineComputation {
  const { temperature, days, calendar, eventDay, eventIndex, hours, eventDayKeys, holidayKeys } = inputs;
  if (!temperature) {
    throw new UsageError('The TOWT regression baseline needs a temperature column', {
      details: 'the frame has no roles.temperature and no temperatureColumn was given',
      hint: 'Pass temperatureColumn to computeBaseline, or use a dataset with temperature.',
    });
  }
  const [w0, w1] = adjustmentOffsets(spec.adjustment);
  const from = days.start[Math.max(0, eventDay - spec.trainingDays)]!;
  const load = inputs.readLoad(from, eventIndex);
  const temps = temperature.past(from, eventIndex);
  const trainTo = days.start[eventDay]!;
  const training: number[] = [];
  for (let i = from; i < trainTo; i++) {
    if (!Number.isFinite(load[i - from]!) || !Number.isFinite(temps[i - from]!)) continue;
    const key = days.key[days.dayOf[i]!]!;
    if (holidayKeys.has(key) || (spec.excludeEventDays && eventDayKeys.has(key))) continue;
    training.push(i);
  }
  const knots = mergeSparseSegments({
    knots: temperature.fahrenheit ? spec.temperatureKnotsC.map((c) => (c * 9) / 5 + 32) : spec.temperatureKnotsC,
    temperatures: training.map((i) => temps[i - from]!),
    minPoints: MIN_SEGMENT_POINTS,
  });
  const k = knots.length + 1;
  const count = new Float64Array(SLOTS);
  const slotFeatures = new Float64Array(SLOTS * k);
  const slotLoad = new Float64Array(SLOTS);
  const gram = new Float64Array(k * k);
  const featureLoad = new Float64Array(k);
  const f = new Float64Array(k);
  for (const i of training) {
    const y = load[i - from]!;
    const t = temps[i - from]!;
    const slot = calendar.weekday[i]! * 24 + calendar.hour[i]!;
    temperatureComponents(t, knots, f, 0);
    count[slot] += 1;
    slotLoad[slot] += y;
    for (let a = 0; a < k; a++) {
      slotFeatures[slot * k + a] += f[a]!;
      featureLoad[a] += f[a]! * y;
      for (let b = 0; b < k; b++) gram[a * k + b] += f[a]! * f[b]!;
    }
  }
  const rows = training.length;
  if (rows < SLOTS) return insufficient(hours, `only ${rows} clean training hours in ${spec.trainingDays} days`);
  // Schur complement: (G − Σ S_s S_sᵀ / n_s) β = Fᵀy − Σ S_s Y_s / n_s.
  const m = gram.slice();
  const r = featureLoad.slice();
  for (let s = 0; s < SLOTS; s++) {
    const n = count[s]!;
    if (n === 0) continue;
    for (let a = 0; a < k; a++) {
      const sa = slotFeatures[s * k + a]!;
      r[a] -= (sa * slotLoad[s]!) / n;
      for (let b = 0; b < k; b++) m[a * k + b] -= (sa * slotFeatures[s * k + b]!) / n;
    }
  }
  // A tiny ridge keeps segments without training temperatures (all-zero columns) at β = 0.
  let trace = 0;
  for (let a = 0; a < k; a++) trace += Math.abs(m[a * k + a]!);
  const ridge = 1e-9 * Math.max(1, trace / k);
  for (let a = 0; a < k; a++) m[a * k + a] += ridge;
  const beta = solve(m, r, k);
  const predict = (i: number, t: number): number => {
    const slot = calendar.weekday[i]! * 24 + calendar.hour[i]!;
    const n = count[slot]!;
    if (n === 0 || !Number.isFinite(t)) return Number.NaN;
    temperatureComponents(t, knots, f, 0);
    let alphaNumerator = slotLoad[slot]!;
    let fit = 0;
    for (let a = 0; a < k; a++) {
      alphaNumerator -= slotFeatures[slot * k + a]! * beta[a]!;
      fit += beta[a]! * f[a]!;
    }
    return alphaNumerator / n + fit;
  };
  const eventTemps = temperature.known(eventIndex, eventIndex + hours);
  const base = new Float64Array(hours);
  for (let h = 0; h < hours; h++) base[h] = predict(eventIndex + h, eventTemps[h]!);
  if (!base.every(Number.isFinite)) return insufficient(hours, 'no training data for an event hour of the week, or event temperature missing');
  if (spec.adjustment.kind === 'none') return { values: base, days: [], adjustment: null, insufficient: null };
  let windowSum = 0;
  for (let o = w0; o < w1; o++) windowSum += predict(eventIndex + o, temps[eventIndex + o - from]!);
  const actual = actualWindowMean(inputs, spec.adjustment, load, from);
  if (!Number.isFinite(actual) || !Number.isFinite(windowSum)) return insufficient(hours, 'adjustment window has missing load or temperature');
  const { values, outcome } = applyAdjustment({ baseline: base, adjustment: spec.adjustment, actualWindowMean: actual, baselineWindowMean: windowSum / (w1 - w0) });
  return { values, days: [], adjustment: outcome, insufficient: null };
}
