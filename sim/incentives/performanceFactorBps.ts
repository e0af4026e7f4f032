import { PayoutRuleError } from '../errors.ts';
import { complianceBps } from './complianceBps.ts';
import { BPS, MAX_COMPLIANCE_BPS, MAX_PARAM_BPS } from './payoutConstants.ts';
import { toUint, type UintInput } from './toUint.ts';

/** The governed performance parameters (IncentiveDistributor minComplianceBps, bonusSlopeBps, bonusCapBps). */
export interface PerformanceParams {
  /** Below this compliance (bps) nothing is paid. */
  minComplianceBps: UintInput;
  /** Bonus bps per bps of over-delivery, in bps (10000 = 1:1). */
  bonusSlopeBps: UintInput;
  /** Largest bonus above 10000 (bps). */
  bonusCapBps: UintInput;
}

export interface PerformanceFactorBpsParameters extends PerformanceParams {
  /** Verified delivered reduction (Wh). */
  deliveredWh: UintInput;
  /** Committed reduction (Wh); 0 yields factor 0. */
  committedWh: UintInput;
}

export interface PerformanceFactorFromComplianceBpsParameters extends PerformanceParams {
  /** Compliance in bps (values above 2^64 are saturated, as on chain). */
  complianceBps: UintInput;
}

const param = (value: UintInput, name: string): bigint => {
  const big = toUint({ value, name, bits: 256 });
  if (big > MAX_PARAM_BPS) {
    throw new PayoutRuleError(`PerformanceParamTooLarge(${big}, ${MAX_PARAM_BPS}): ${name} is above the supported range`, {
      hint: 'On chain the performance parameters are uint32; keep them ≤ 2^32 − 1.',
    });
  }
  return big;
};

/**
 * PayoutMath.performanceFactorFromComplianceBps: 0 below the minimum compliance, 10000 up to 100 %, and
 * 10000 + min(floor((compliance − 10000) × bonusSlopeBps / 10000), bonusCapBps) above.
 */
export function performanceFactorFromComplianceBps({
  complianceBps: complianceInput,
  minComplianceBps,
  bonusSlopeBps,
  bonusCapBps,
}: PerformanceFactorFromComplianceBpsParameters): bigint {
  const min = param(minComplianceBps, 'minComplianceBps');
  const slope = param(bonusSlopeBps, 'bonusSlopeBps');
  const cap = param(bonusCapBps, 'bonusCapBps');
  let compliance = toUint({ value: complianceInput, name: 'complianceBps', bits: 256 });
  if (compliance > MAX_COMPLIANCE_BPS) compliance = MAX_COMPLIANCE_BPS;
  if (compliance < min) return 0n;
  if (compliance <= BPS) return BPS;
  const bonus = ((compliance - BPS) * slope) / BPS;
  return BPS + (bonus < cap ? bonus : cap);
}

/** PayoutMath.performanceFactorBps: the performance factor (bps) of a delivery against a commitment. */
export function performanceFactorBps({ deliveredWh, committedWh, ...params }: PerformanceFactorBpsParameters): bigint {
  return performanceFactorFromComplianceBps({ complianceBps: complianceBps({ deliveredWh, committedWh }), ...params });
}
