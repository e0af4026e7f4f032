/**
 * The constants of contracts/src/libraries/PayoutMath.sol, as bigints (token and energy amounts are exact
 * integers; the rule is integer arithmetic in 256 bits on chain and in bigint here).
 */

/** 100 % in basis points. */
export const BPS = 10_000n;
/** Wh per kWh: the rate is per kWh, deliveries are in Wh. */
export const WH_PER_KWH = 1000n;
/** The payout denominator 1000 × 10000³. */
export const PAYOUT_DENOMINATOR = WH_PER_KWH * BPS * BPS * BPS;
/** Upper bound of minComplianceBps, bonusSlopeBps and bonusCapBps (type(uint32).max). */
export const MAX_PARAM_BPS = (1n << 32n) - 1n;
/** Compliance saturates here (2^64 bps). */
export const MAX_COMPLIANCE_BPS = 1n << 64n;
/** type(uint256).max: every on-chain quantity and intermediate product is bounded by it. */
export const UINT256_MAX = (1n << 256n) - 1n;
