import { PayoutRuleError } from '../errors.ts';
import { PAYOUT_DENOMINATOR, UINT256_MAX } from './payoutConstants.ts';
import { toUint, type UintInput } from './toUint.ts';

export interface PayoutUnitsParameters {
  /** Verified delivered reduction (Wh). */
  deliveredWh: UintInput;
  /** Rate in the budget token's base units per kWh. */
  rate: UintInput;
  /** The event tier's incentive multiplier (bps). */
  tierMultiplierBps: UintInput;
  /** From `performanceFactorBps` (bps). */
  performanceFactorBps: UintInput;
  /** From `priceFactorBps` (bps). */
  priceFactorBps: UintInput;
}

const overflow = (what: string): PayoutRuleError =>
  new PayoutRuleError(`PayoutOverflow: ${what} does not fit in 256 bits`, {
    hint: 'The on-chain payout reverts for these inputs; check the units (Wh, token base units per kWh, bps).',
  });

/**
 * PayoutMath.payout: deliveredWh × rate × tierMultiplierBps × performanceFactorBps × priceFactorBps
 * / (1000 × 10000³), in token base units, rounded down once (never in steps). Throws PayoutRuleError exactly
 * where the contract reverts: the factor product overflows 256 bits, both rate × factors and deliveredWh × factors
 * overflow, or the payout itself does not fit in 256 bits.
 */
export function payoutUnits({ deliveredWh, rate, tierMultiplierBps, performanceFactorBps, priceFactorBps }: PayoutUnitsParameters): bigint {
  const delivered = toUint({ value: deliveredWh, name: 'deliveredWh', bits: 256 });
  const r = toUint({ value: rate, name: 'rate', bits: 256 });
  const tier = toUint({ value: tierMultiplierBps, name: 'tierMultiplierBps', bits: 256 });
  const perf = toUint({ value: performanceFactorBps, name: 'performanceFactorBps', bits: 256 });
  const price = toUint({ value: priceFactorBps, name: 'priceFactorBps', bits: 256 });
  const tp = tier * perf;
  if (tp > UINT256_MAX) throw overflow('tierMultiplierBps × performanceFactorBps');
  const f = tp * price;
  if (f > UINT256_MAX) throw overflow('the factor product');
  if (f === 0n || delivered === 0n || r === 0n) return 0n;
  // On chain: mulDiv(deliveredWh, rate × f, D) if rate × f fits, else mulDiv(deliveredWh × f, rate, D) if that
  // fits, else PayoutOverflow; mulDiv computes the exact floor and reverts when the result exceeds 256 bits.
  if (r * f > UINT256_MAX && delivered * f > UINT256_MAX) throw overflow('rate × factors and deliveredWh × factors');
  const amount = (delivered * r * f) / PAYOUT_DENOMINATOR;
  if (amount > UINT256_MAX) throw overflow('the payout');
  return amount;
}
