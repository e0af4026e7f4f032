import { median } from 'simple-statistics';

export interface FiniteMedianParameters {
  values: readonly number[];
}

/**
 * Median of the finite values (NaN and ±Infinity left out); NaN when none is finite. simple-statistics' `median`
 * (quickselect on a copy, no full sort): for an even count it interpolates x₍ₘ₎ + ½(x₍ₘ₊₁₎ − x₍ₘ₎), which can
 * differ from (x₍ₘ₎ + x₍ₘ₊₁₎)/2 in the last bit — below the decimals results are written with.
 */
export function finiteMedian({ values }: FiniteMedianParameters): number {
  const finite = values.every(Number.isFinite) ? values : values.filter(Number.isFinite);
  return finite.length === 0 ? Number.NaN : median(finite);
}
