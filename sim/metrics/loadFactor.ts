import { MetricInputError } from '../errors.ts';
import { checkSeries, type Series } from './series.ts';

export interface LoadFactorParameters {
  /** Load per interval (kW), equally spaced. */
  kw: Series;
}

/** Load factor = mean load ÷ peak load (1 = perfectly flat). Throws when the peak is not positive. */
export function loadFactor({ kw }: LoadFactorParameters): number {
  checkSeries({ series: kw, name: 'kw' });
  let sum = 0;
  let max = -Infinity;
  for (let i = 0; i < kw.length; i++) {
    sum += kw[i];
    if (kw[i] > max) max = kw[i];
  }
  if (max <= 0) {
    throw new MetricInputError(`loadFactor: the peak load is ${max} kW`, { hint: 'The load factor is defined for a positive peak load.' });
  }
  return sum / kw.length / max;
}
