import { studentTCdf, studentTQuantile } from './studentT.ts';

export interface PairedDifferenceParameters {
  /** Per-pair values of the treatment and of the reference (same length, same order; null = missing). */
  treatment: readonly (number | null)[];
  reference: readonly (number | null)[];
  /** Confidence level of the interval (default 0.95). */
  level?: number;
}

export interface PairedDifferenceResult {
  /** treatment − reference per pair (null when either is missing). */
  deltas: (number | null)[];
  /** Pairs with both values. */
  n: number;
  mean: number | null;
  /** Sample standard deviation of the deltas (n − 1). */
  sd: number | null;
  /** The t interval mean ± t(1 − (1 − level)/2, n − 1) · sd/√n; null below 2 pairs. */
  low: number | null;
  high: number | null;
  /** Two-sided p-value of the paired t-test (H0: mean Δ = 0); null below 2 pairs. */
  p: number | null;
}

/**
 * Paired differences and the paired t-test: the Δ of each pair, their mean, a t interval and the two-sided p-value.
 * All deltas equal (sd = 0): the interval is that value and p is 1 when it is 0, else 0.
 */
export function pairedDifference({ treatment, reference, level = 0.95 }: PairedDifferenceParameters): PairedDifferenceResult {
  const deltas = treatment.map((t, i) => {
    const r = reference[i];
    return t === null || r === null || r === undefined || !Number.isFinite(t) || !Number.isFinite(r) ? null : t - r;
  });
  const present = deltas.filter((d): d is number => d !== null);
  const n = present.length;
  if (n === 0) return { deltas, n, mean: null, sd: null, low: null, high: null, p: null };
  const mean = present.reduce((s, d) => s + d, 0) / n;
  if (n < 2) return { deltas, n, mean, sd: null, low: null, high: null, p: null };
  const sd = Math.sqrt(present.reduce((s, d) => s + (d - mean) ** 2, 0) / (n - 1));
  const se = sd / Math.sqrt(n);
  // a spread far below the mean's last binary digits is no spread (Δs equal but for rounding)
  if (se <= Math.abs(mean) * 1e-12 || se === 0) return { deltas, n, mean, sd, low: mean, high: mean, p: mean === 0 ? 1 : 0 };
  const df = n - 1;
  const half = studentTQuantile({ p: 1 - (1 - level) / 2, df }) * se;
  const t = mean / se;
  const p = Math.min(1, 2 * studentTCdf({ t: -Math.abs(t), df }));
  return { deltas, n, mean, sd, low: mean - half, high: mean + half, p };
}
