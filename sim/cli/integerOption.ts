import { UsageError } from '../errors.ts';

export interface IntegerOptionParameters {
  /** The flag's text as given. */
  value: string;
  /** The flag, for the message (e.g. `--hours`). */
  flag: string;
  min: number;
  max: number;
}

/** A command-line flag that must be a whole number in [min, max]; otherwise a UsageError saying which numbers fit. */
export function integerOption({ value, flag, min, max }: IntegerOptionParameters): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new UsageError(`Invalid ${flag} ${JSON.stringify(value)}`, { hint: `Give a whole number from ${min} to ${max}.` });
  }
  return n;
}
