/**
 * sim/incentives — the TypeScript mirror of the on-chain payout rule (contracts/src/libraries/PayoutMath.sol and
 * IncentiveDistributor.quotePayout) and of the settlement's cumulative Merkle leaves; pure, exact, in bigint.
 */
export { BPS, MAX_COMPLIANCE_BPS, MAX_PARAM_BPS, PAYOUT_DENOMINATOR, UINT256_MAX, WH_PER_KWH } from './payoutConstants.ts';
export type { UintInput } from './toUint.ts';
export { complianceBps, type ComplianceBpsParameters } from './complianceBps.ts';
export {
  performanceFactorBps,
  performanceFactorFromComplianceBps,
  type PerformanceFactorBpsParameters,
  type PerformanceFactorFromComplianceBpsParameters,
  type PerformanceParams,
} from './performanceFactorBps.ts';
export {
  priceFactorBps,
  type PriceCurve,
  type PriceFactorBpsParameters,
  validateBreakpoints,
  type ValidateBreakpointsParameters,
  type ValidateBreakpointsResult,
} from './priceFactorBps.ts';
export { payoutUnits, type PayoutUnitsParameters } from './payoutUnits.ts';
export { defaultPayoutRules, type PayoutRules, type PayoutTerms } from './payoutRules.ts';
export { quotePayout, type QuotePayoutParameters, type QuotePayoutResult } from './quotePayout.ts';
export { entitlementLeaf, type EntitlementLeafParameters } from './entitlementLeaf.ts';
export {
  ENTITLEMENT_LEAF_ENCODING,
  type Entitlement,
  type EntitlementLeafRow,
  entitlementTree,
  type EntitlementTreeParameters,
  type EntitlementTreeResult,
} from './entitlementTree.ts';
export {
  type AccountKey,
  type CreditEventParameters,
  CumulativeLedger,
  type CumulativeLedgerSnapshot,
  type MarkPostedParameters,
  type NextRootResult,
  type ProgramKey,
} from './cumulativeLedger.ts';
export {
  type AccountAmount,
  crossCheck,
  type CrossCheckMismatch,
  type CrossCheckParameters,
  type CrossCheckResult,
} from './crossCheck.ts';
