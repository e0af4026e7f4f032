/**
 * The field types scenario sections are built from: bounded numbers, basis points, decimal token
 * amounts, ISO dates, IANA time zones and dataset names. Each carries the message a researcher sees
 * when a value is wrong, phrased as "expected …".
 */
import { z } from 'zod';
import { numberToDecimal } from './numberToDecimal.ts';

/** A probability or share in [0, 1]. */
export const unitInterval = z
  .number({ error: 'expected a number in [0, 1]' })
  .min(0, { error: 'expected a number in [0, 1]' })
  .max(1, { error: 'expected a number in [0, 1]' });

/** Basis points as a whole number in [0, max] (10000 = 100 % or ×1). */
export function bps(max: number) {
  const message = `expected whole basis points in [0, ${max}] (10000 = 100 %)`;
  return z.number({ error: message }).int({ error: message }).min(0, { error: message }).max(max, { error: message });
}

/** A whole number ≥ min (and ≤ max when given). */
export function wholeNumber(min: number, max: number = Number.MAX_SAFE_INTEGER) {
  const message = max === Number.MAX_SAFE_INTEGER ? `expected a whole number ≥ ${min}` : `expected a whole number in [${min}, ${max}]`;
  return z.number({ error: message }).int({ error: message }).min(min, { error: message }).max(max, { error: message });
}

/** A finite number > 0. */
export const positiveNumber = z.number({ error: 'expected a number > 0' }).positive({ error: 'expected a number > 0' });

/** A finite number ≥ 0. */
export const nonNegativeNumber = z.number({ error: 'expected a number ≥ 0' }).nonnegative({ error: 'expected a number ≥ 0' });

/** Hours as a number ≥ 0 (fractions allowed, e.g. 0.25 for 15 minutes). */
export const hours = z.number({ error: 'expected hours (a number ≥ 0)' }).nonnegative({ error: 'expected hours (a number ≥ 0)' });

const DECIMAL = /^(0|[1-9]\d*)(\.\d{1,18})?$/;

/**
 * A non-negative decimal token amount, written as a number (`0.25`) or a string (`"0.25"`); the parsed
 * value is always the decimal string, so downstream code converts it exactly to base units (bigint).
 */
const DECIMAL_MESSAGE = 'expected a decimal amount ≥ 0 such as 0.25 or "1500" (at most 18 decimals; quote amounts ≥ 1e15)';

export const decimalAmount = z
  .union(
    [
      z.number({ error: DECIMAL_MESSAGE }).nonnegative({ error: DECIMAL_MESSAGE }).max(1e15, { error: DECIMAL_MESSAGE }),
      z.string({ error: DECIMAL_MESSAGE }).regex(DECIMAL, { error: DECIMAL_MESSAGE }),
    ],
    { error: DECIMAL_MESSAGE },
  )
  .transform((value) => (typeof value === 'number' ? numberToDecimal(value) : value))
  .refine((value) => DECIMAL.test(value), { error: DECIMAL_MESSAGE });

/** A calendar date `YYYY-MM-DD` that exists (no 2007-02-30). */
export const isoDate = z.iso.date({ error: 'expected a calendar date YYYY-MM-DD that exists' });

/** True when `name` is a time zone the runtime's ICU knows (IANA names such as America/New_York, or UTC). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** An IANA time zone name. */
export const timeZone = z
  .string({ error: 'expected an IANA time zone name such as America/New_York' })
  .refine(isTimeZone, { error: 'expected an IANA time zone name such as America/New_York or UTC' });

/** A dataset name: a folder under the data root with a peaklab manifest (lowercase, digits, _). */
export const datasetName = z
  .string({ error: 'expected a dataset name (lowercase letters, digits and _)' })
  .regex(/^[a-z0-9][a-z0-9_]*$/, { error: 'expected a dataset name (lowercase letters, digits and _)' });

/**
 * Options for a cross-field `superRefine` that should still run when *other* fields of the object have
 * problems (so a file's problems are all reported at once), but not when one of the fields it reads
 * (`paths`, relative to the object) is itself invalid.
 */
export function whenValid(...paths: readonly (readonly PropertyKey[])[]) {
  return { when: (payload: { issues: readonly { path?: readonly PropertyKey[] }[] }): boolean => !hasIssueAt(payload, paths) };
}

/** True when an issue sits at, under or above one of `paths`. */
export function hasIssueAt(
  payload: { issues: readonly { path?: readonly PropertyKey[] }[] },
  paths: readonly (readonly PropertyKey[])[],
): boolean {
  const overlaps = (a: readonly PropertyKey[], b: readonly PropertyKey[]): boolean =>
    a.slice(0, Math.min(a.length, b.length)).every((segment, i) => segment === b[i]);
  return payload.issues.some((issue) => paths.some((path) => overlaps(issue.path ?? [], path)));
}
