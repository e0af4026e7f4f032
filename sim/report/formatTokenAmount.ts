export interface FormatTokenAmountParameters {
  /** Amount in the token's smallest units. */
  amount: bigint;
  /** The token's decimals (18 for GRID, 6 for pUSD). */
  decimals: number;
  /** Digits after the point in the output (rounded half up, exact; default 2). */
  fractionDigits?: number;
}

/**
 * Human units of a token amount, exact (bigint, no float): 123456789n with 6 decimals → "123.46".
 * Thousands are grouped with commas: "1,234,567.00".
 */
export function formatTokenAmount({ amount, decimals, fractionDigits = 2 }: FormatTokenAmountParameters): string {
  const negative = amount < 0n;
  const abs = negative ? -amount : amount;
  const unit = 10n ** BigInt(decimals);
  const scale = 10n ** BigInt(fractionDigits);
  // Round half up at `fractionDigits` digits: scaled = round(abs * scale / unit).
  const scaled = (abs * scale * 2n + unit) / (unit * 2n);
  const whole = (scaled / scale).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const fraction = fractionDigits > 0 ? `.${(scaled % scale).toString().padStart(fractionDigits, '0')}` : '';
  return `${negative && scaled !== 0n ? '−' : ''}${whole}${fraction}`;
}

/** The amount in human units as a float (for charts and deltas only, never for money arithmetic). */
export function tokenAmountToNumber({ amount, decimals }: { amount: bigint; decimals: number }): number {
  const unit = 10n ** BigInt(decimals);
  const whole = amount / unit;
  const rest = amount % unit;
  return Number(whole) + Number(rest) / Number(unit);
}
