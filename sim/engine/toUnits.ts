import { UsageError } from '../errors.ts';

/** A decimal amount of whole tokens ("0.25", "10000") in base units (bigint), exactly; more decimals than the token has is an error. */
export function toUnits(amount: string, decimals: number): bigint {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(amount);
  if (!m) throw new UsageError(`Not a decimal amount: ${amount}`, { hint: 'Write amounts as 0.25 or "1500".' });
  const fraction = m[2] ?? '';
  if (fraction.replace(/0+$/, '').length > decimals) {
    throw new UsageError(`${amount} has more than ${decimals} decimals`, { hint: `Use at most ${decimals} decimals for this token.` });
  }
  return BigInt(m[1]!) * 10n ** BigInt(decimals) + BigInt((fraction + '0'.repeat(decimals)).slice(0, decimals) || '0');
}
