export interface PointErrorsParameters {
  readonly actual: ArrayLike<number>;
  readonly forecast: ArrayLike<number>;
}

export interface PointErrorsResult {
  /** Mean absolute percentage error, in percent (hours with actual ≠ 0). */
  readonly mape: number;
  /** Root mean squared error, in load units. */
  readonly rmse: number;
  /** Mean absolute error, in load units. */
  readonly mae: number;
  /** Hours scored (both values finite). */
  readonly count: number;
  /** Hours with a finite actual but no finite forecast. */
  readonly missingForecasts: number;
}

/** MAPE, RMSE and MAE over the hours where actual and forecast are both finite. NaN when none are. */
export function pointErrors({ actual, forecast }: PointErrorsParameters): PointErrorsResult {
  let ape = 0;
  let apeCount = 0;
  let se = 0;
  let ae = 0;
  let count = 0;
  let missingForecasts = 0;
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i];
    const f = forecast[i];
    if (!Number.isFinite(a)) continue;
    if (!Number.isFinite(f)) {
      missingForecasts += 1;
      continue;
    }
    const e = f - a;
    se += e * e;
    ae += Math.abs(e);
    count += 1;
    if (a !== 0) {
      ape += Math.abs(e / a);
      apeCount += 1;
    }
  }
  return {
    mape: apeCount > 0 ? (100 * ape) / apeCount : Number.NaN,
    rmse: count > 0 ? Math.sqrt(se / count) : Number.NaN,
    mae: count > 0 ? ae / count : Number.NaN,
    count,
    missingForecasts,
  };
}
