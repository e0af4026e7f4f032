import { MetricInputError } from '../errors.ts';
import type { Series } from './series.ts';

/** Amounts to compare across a population: numbers, or bigint token amounts in base units. */
export type Amounts = Series | readonly bigint[];

/** Sorted ascending copy of non-negative amounts; bigint when the input is bigint (exact), else Float64Array. */
export function sortedAmounts(values: Amounts, name: string): { kind: 'bigint'; sorted: bigint[] } | { kind: 'number'; sorted: Float64Array } {
  const list = values as ArrayLike<number | bigint>;
  if (list.length > 0 && typeof list[0] === 'bigint') {
    const sorted = Array.from(list as ArrayLike<bigint>);
    sorted.forEach((v, i) => {
      if (typeof v !== 'bigint' || v < 0n) throw new MetricInputError(`${name}[${i}] must be a non-negative bigint, got ${String(v)}`);
    });
    sorted.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return { kind: 'bigint', sorted };
  }
  const sorted = Float64Array.from(list as ArrayLike<number>);
  sorted.forEach((v, i) => {
    if (!Number.isFinite(v) || v < 0) {
      throw new MetricInputError(`${name}[${i}] must be a finite non-negative number, got ${v}`, { hint: 'Payouts and entitlements are never negative.' });
    }
  });
  sorted.sort();
  return { kind: 'number', sorted };
}

const SCALE = 10n ** 18n;

/** numerator / denominator of bigints as a float with ~18 significant digits (exact integers before one rounding). */
export function ratio(numerator: bigint, denominator: bigint): number {
  return Number((numerator * SCALE) / denominator) / 1e18;
}
