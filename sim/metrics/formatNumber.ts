import { MetricInputError } from '../errors.ts';

export interface FormatNumberParameters {
  /**
   * A number, or a bigint (token amounts in base units, gas) written as its exact integer. For display, null,
   * undefined, NaN and ±Infinity are shown as "–"; results files refuse them.
   */
  value: number | bigint | null | undefined;
  /** Decimals for a number (0–15, default 0); ignored for a bigint. */
  decimals?: number;
  /** For people (reports, terminal tables) instead of results files: thousands grouped, '−' for negatives. */
  display?: boolean;
  /** Display only: '+' before a value that is positive at `decimals` (deltas). */
  signed?: boolean;
}

const displayFormats = new Map<string, Intl.NumberFormat>();

/**
 * `decimal` (a string with exactly `decimals` decimals) grouped the en-US way whatever the machine's locale. Intl reads
 * a string as an exact decimal (ES2023, Node ≥ 20), so it never rounds again; TypeScript's ES2022 lib declares only
 * number | bigint, hence the cast.
 */
function displayText(decimal: string, decimals: number, signed: boolean): string {
  const key = `${decimals}${signed ? '+' : ''}`;
  let format = displayFormats.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals, signDisplay: signed ? 'exceptZero' : 'auto' });
    displayFormats.set(key, format);
  }
  return format.format(decimal as unknown as number).replace('-', '−');
}

/**
 * The one number formatter. Rounding is Number.prototype.toFixed's on the binary value (the same on every machine,
 * and the same as `fixed` for JSON), so a number reads the same in a results file and in a report.
 *
 * Results files (CSV cells, the default): exactly `decimals` decimals, '.' as decimal separator, no grouping, '-' for
 * negatives, never "-0.00", never exponent notation; a bigint as its exact decimal integer.
 * `formatNumber({ value: 1234.5678, decimals: 2 })` → "1234.57"; `formatNumber({ value: 10n ** 18n })` →
 * "1000000000000000000".
 *
 * Display (`display: true`): the same digits grouped by Intl.NumberFormat (en-US, whatever the machine's locale),
 * '−' (U+2212) for negatives, '+' when `signed`, no sign on a value that rounds to zero, "–" for a missing value.
 * `formatNumber({ value: -1234567.891, decimals: 1, display: true })` → "−1,234,567.9".
 */
export function formatNumber({ value, decimals = 0, display = false, signed = false }: FormatNumberParameters): string {
  if (value === null || value === undefined || (typeof value === 'number' && !Number.isFinite(value))) {
    if (display) return '–';
    throw new MetricInputError(`formatNumber: ${value} is not a finite number`, { hint: 'Write an empty cell or null for an undefined KPI.' });
  }
  if (typeof value === 'number') {
    if (!Number.isInteger(decimals) || decimals < 0 || decimals > 15) throw new MetricInputError(`formatNumber: decimals must be an integer in [0, 15], got ${decimals}`);
    if (!display && Math.abs(value) >= 1e21) throw new MetricInputError(`formatNumber: ${value} is too large for fixed notation`, { hint: 'Pass integers this large as bigint.' });
  }
  const fixedText = typeof value === 'bigint' ? value.toString() : value.toFixed(decimals);
  const text = /^-0(\.0*)?$/.test(fixedText) ? fixedText.slice(1) : fixedText;
  return display ? displayText(text, typeof value === 'bigint' ? 0 : decimals, signed) : text;
}
