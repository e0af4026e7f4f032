import { MetricInputError } from '../errors.ts';

export interface FormatNumberParameters {
  /** A number, or a bigint (token amounts in base units, gas) written as its exact integer. */
  value: number | bigint;
  /** Decimals for a number (0–15); ignored for a bigint. */
  decimals: number;
}

/**
 * A number as results files write it (CSV cells): exactly `decimals` decimals (Number.prototype.toFixed, the same
 * on every machine), '.' as decimal separator, no grouping, '-' for negatives, never "-0.00", never exponent
 * notation; a bigint as its exact decimal integer. `formatNumber({ value: 1234.5678, decimals: 2 })` → "1234.57";
 * `formatNumber({ value: 10n ** 18n, decimals: 0 })` → "1000000000000000000".
 */
export function formatNumber({ value, decimals }: FormatNumberParameters): string {
  if (typeof value === 'bigint') return value.toString();
  if (!Number.isFinite(value)) throw new MetricInputError(`formatNumber: ${value} is not a finite number`, { hint: 'Write an empty cell or null for an undefined KPI.' });
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 15) throw new MetricInputError(`formatNumber: decimals must be an integer in [0, 15], got ${decimals}`);
  if (Math.abs(value) >= 1e21) throw new MetricInputError(`formatNumber: ${value} is too large for fixed notation`, { hint: 'Pass integers this large as bigint.' });
  const text = value.toFixed(decimals);
  return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
}
