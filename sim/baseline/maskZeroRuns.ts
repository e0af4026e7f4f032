/**
 * Marks runs of exact zeros of at least `minRun` intervals as missing (NaN), returning a copy. Some meter
 * archives (e.g. Cambridge Estates) encode missing readings as 0, so a run of zeros is far more often an
 * outage of the meter than of the building; baselines built on it (and scores against it) are fake.
 */
export interface MaskZeroRunsParameters {
  values: Float64Array;
  minRun: number;
}

export interface MaskZeroRunsResult {
  values: Float64Array;
  /** Number of intervals masked. */
  masked: number;
}

export function maskZeroRuns({ values, minRun }: MaskZeroRunsParameters): MaskZeroRunsResult {
  const out = Float64Array.from(values);
  let masked = 0;
  let runStart = -1;
  for (let i = 0; i <= out.length; i++) {
    const zero = i < out.length && out[i] === 0;
    if (zero && runStart < 0) runStart = i;
    if (!zero && runStart >= 0) {
      if (i - runStart >= minRun) {
        out.fill(Number.NaN, runStart, i);
        masked += i - runStart;
      }
      runStart = -1;
    }
  }
  return { values: out, masked };
}
