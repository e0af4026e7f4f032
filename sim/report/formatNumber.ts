export interface FormatNumberParameters {
  value: number | null | undefined;
  /** Fixed number of decimals (default 0). */
  decimals?: number;
  /** Prefix '+' on positive values (for deltas). */
  signed?: boolean;
}

/**
 * Formats a number with fixed decimals and comma thousands grouping, independent of the machine's
 * locale: `formatNumber({ value: 1234567.891, decimals: 1 })` → "1,234,567.9". Null/NaN → "–".
 */
export function formatNumber({ value, decimals = 0, signed = false }: FormatNumberParameters): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  const fixed = Math.abs(value).toFixed(decimals);
  const isZero = Number(fixed) === 0;
  const [whole, fraction] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const sign = value < 0 && !isZero ? '−' : signed && value > 0 && !isZero ? '+' : '';
  return `${sign}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}
