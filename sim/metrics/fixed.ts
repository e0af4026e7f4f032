import { MetricInputError } from '../errors.ts';

export interface FixedParameters {
  value: number;
  /** Decimals kept (0–15). */
  decimals: number;
}

/**
 * `value` rounded to `decimals` decimals, as a number for JSON results (summary.json): the same rounding as
 * `formatNumber` (Number.prototype.toFixed on the binary value, identical on every machine), −0 written as 0.
 * Throws for NaN and ±Infinity: results never contain them (use null for "undefined").
 */
export function fixed({ value, decimals }: FixedParameters): number {
  if (!Number.isFinite(value)) throw new MetricInputError(`fixed: ${value} is not a finite number`, { hint: 'Write null for an undefined KPI.' });
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 15) throw new MetricInputError(`fixed: decimals must be an integer in [0, 15], got ${decimals}`);
  const rounded = Number(value.toFixed(decimals));
  return rounded === 0 ? 0 : rounded;
}

/** Shorthands of the summary builders: `fixed` positionally, and null kept as null (a KPI that is undefined for the run). */
export const round = (value: number, decimals: number): number => fixed({ value, decimals });
export const roundOrNull = (value: number | null, decimals: number): number | null => (value === null ? null : round(value, decimals));
