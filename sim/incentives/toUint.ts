import { PayoutRuleError } from '../errors.ts';

/** An unsigned integer input: a bigint, or a number that is a safe non-negative integer (e.g. Wh from a Float64Array after rounding). */
export type UintInput = bigint | number;

export interface ToUintParameters {
  value: UintInput;
  /** Parameter name for the error message. */
  name: string;
  /** Width of the Solidity type the value stands for (256 for uint256, 128 for uint128, …). */
  bits: number;
}

/**
 * The value as a bigint within the Solidity type `uint<bits>`; throws PayoutRuleError for a negative, fractional,
 * unsafe or too-large value (the chain could not hold it, so the mirror refuses it rather than guess).
 */
export function toUint({ value, name, bits }: ToUintParameters): bigint {
  let big: bigint;
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) {
      throw new PayoutRuleError(`${name} must be an integer, got ${value}`, {
        hint: 'Round energy to whole Wh (Math.round) before the payout rule; pass amounts above 2^53 as bigint.',
      });
    }
    big = BigInt(value);
  } else {
    big = value;
  }
  if (big < 0n || big >= 1n << BigInt(bits)) {
    throw new PayoutRuleError(`${name} = ${big} is outside uint${bits}`, {
      hint: `On chain this value is a uint${bits}: it must be in [0, 2^${bits}).`,
    });
  }
  return big;
}
