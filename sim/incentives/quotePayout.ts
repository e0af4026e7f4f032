import { complianceBps as complianceOf } from './complianceBps.ts';
import { payoutUnits } from './payoutUnits.ts';
import type { PayoutRules, PayoutTerms } from './payoutRules.ts';
import { performanceFactorFromComplianceBps } from './performanceFactorBps.ts';
import { priceFactorBps as priceFactorOf } from './priceFactorBps.ts';
import { toUint, type UintInput } from './toUint.ts';

export interface QuotePayoutParameters {
  /** The event's frozen terms (ReductionRequests.payoutTerms). */
  terms: PayoutTerms;
  /** The governed rule at quote time (IncentiveDistributor performance parameters and price curve). */
  rules: PayoutRules;
  /** The consumer's verified delivered reduction (Wh). */
  deliveredWh: UintInput;
  /** The consumer's committed reduction (Wh). */
  committedWh: UintInput;
}

export interface QuotePayoutResult {
  /** The payout in the event's budget token base units (what IncentiveDistributor.quotePayout returns). */
  amount: bigint;
  complianceBps: bigint;
  performanceFactorBps: bigint;
  priceFactorBps: bigint;
}

/**
 * IncentiveDistributor.quotePayout(eventId, deliveredWh, committedWh) off chain: the event's frozen rate, tier
 * multiplier and stress with the governed performance parameters and price curve, through PayoutMath.
 * The terms are range-checked to the types ReductionRequests stores them in (uint128, uint16, uint32).
 */
export function quotePayout({ terms, rules, deliveredWh, committedWh }: QuotePayoutParameters): QuotePayoutResult {
  const rate = toUint({ value: terms.rate, name: 'terms.rate', bits: 128 });
  const tierMultiplierBps = toUint({ value: terms.tierMultiplierBps, name: 'terms.tierMultiplierBps', bits: 16 });
  const stressBps = toUint({ value: terms.stressBps, name: 'terms.stressBps', bits: 32 });
  const compliance = complianceOf({ deliveredWh, committedWh });
  const performanceFactorBps = performanceFactorFromComplianceBps({
    complianceBps: compliance,
    minComplianceBps: rules.minComplianceBps,
    bonusSlopeBps: rules.bonusSlopeBps,
    bonusCapBps: rules.bonusCapBps,
  });
  const priceFactorBps = priceFactorOf({ stressBps, breakpoints: rules.priceCurve });
  const amount = payoutUnits({ deliveredWh, rate, tierMultiplierBps, performanceFactorBps, priceFactorBps });
  return { amount, complianceBps: compliance, performanceFactorBps, priceFactorBps };
}
