import { MetricInputError } from '../errors.ts';

/** A time series or list of amounts: a typed array (Float64Array for thousands of values) or a plain array. */
export type Series = ArrayLike<number>;

export interface CheckSeriesParameters {
  series: Series;
  name: string;
  /** Required length (another series' length), if any. */
  length?: number;
  /** Allow an empty series (default false). */
  allowEmpty?: boolean;
}

/** Throws MetricInputError unless `series` is non-empty (or allowed empty), of `length`, and all finite. */
export function checkSeries({ series, name, length, allowEmpty = false }: CheckSeriesParameters): void {
  if (!allowEmpty && series.length === 0) {
    throw new MetricInputError(`${name} is empty`, { hint: 'A KPI needs at least one value.' });
  }
  if (length !== undefined && series.length !== length) {
    throw new MetricInputError(`${name} has ${series.length} values, expected ${length}`, {
      hint: 'Series compared interval by interval must cover the same intervals.',
    });
  }
  for (let i = 0; i < series.length; i++) {
    if (!Number.isFinite(series[i])) {
      throw new MetricInputError(`${name}[${i}] is not a finite number (${series[i]})`, {
        hint: 'Fill or drop missing intervals before computing KPIs.',
      });
    }
  }
}
