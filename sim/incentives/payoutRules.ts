import type { PerformanceParams } from './performanceFactorBps.ts';
import type { PriceCurve } from './priceFactorBps.ts';
import type { UintInput } from './toUint.ts';

/**
 * The governed part of the payout rule, as IncentiveDistributor stores it at quote time:
 * `minComplianceBps()`, `bonusSlopeBps()`, `bonusCapBps()` and `priceCurve()`.
 */
export interface PayoutRules extends PerformanceParams {
  priceCurve: PriceCurve;
}

/**
 * An event's frozen terms, as ReductionRequests.payoutTerms(eventId) returns them: the rate (uint128, token base
 * units per kWh), the tier's multiplier at creation (uint16, bps) and the forecast stress at creation (uint32, bps).
 */
export interface PayoutTerms {
  rate: UintInput;
  tierMultiplierBps: UintInput;
  stressBps: UintInput;
}

/** IncentiveDistributor.initialize's defaults: 5000 / 5000 / 2500 and the curve (0, 8000, 10000, 15000) → (×1, ×1, ×1.25, ×2). */
export const defaultPayoutRules: PayoutRules = {
  minComplianceBps: 5000n,
  bonusSlopeBps: 5000n,
  bonusCapBps: 2500n,
  priceCurve: { x: [0n, 8000n, 10_000n, 15_000n], y: [10_000n, 10_000n, 12_500n, 20_000n] },
};
