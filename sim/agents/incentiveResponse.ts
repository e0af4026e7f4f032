export interface IncentiveResponseParameters {
  /** What the consumer is paid per kWh curtailed: rate × token price × tier multiplier × price factor ($/kWh, ≥ 0). */
  incentiveUsdPerKwh: number;
  /** Retail price the consumer pays ($/kWh, > 0). */
  retailUsdPerKwh: number;
  /** Average share of event-hour load an enrolled consumer sheds per unit of ln(price ratio). */
  arcSlope: number;
  responseProbability: number;
  flexibleShare: number;
  optInMax: number;
  optInHalfPriceRatio: number;
  optOutRate: number;
  optOutReferencePriceRatio: number;
  /** Elasticity of opt-out to ln(price ratio). Default 0.3. */
  optOutElasticity?: number;
}

export interface IncentiveResponseResult {
  /** ln((retail + incentive) / retail): 0 at a zero rate. */
  logPriceRatio: number;
  /** P(a consumer without standing opt-in opts in). */
  optIn: number;
  /** P(opting out) before season fatigue, where the tier allows it. */
  optOut: number;
  /** Share of its load a responder curtails in every event interval. */
  depth: number;
  /** responseProbability × depth: the average share shed by an enrolled consumer before fatigue and notice. */
  expectedReduction: number;
}

/**
 * How a consumer answers the incentive it is paid, against its retail price (the "arc of price responsiveness",
 * docs/consumer-model.md): with L = ln((retail + incentive) / retail),
 * opt-in = optInMax · L / (L + ln optInHalfPriceRatio), opt-out = min(1, optOutRate · (ln reference / L)^elasticity),
 * depth = min(flexibleShare, arcSlope · L / responseProbability), so an enrolled consumer sheds arcSlope · L on
 * average until its flexible share runs out. Each is monotone in the incentive, and a zero incentive gives no
 * opt-in, certain opt-out and no curtailment.
 */
export function incentiveResponse(p: IncentiveResponseParameters): IncentiveResponseResult {
  const L = Math.log1p(Math.max(0, p.incentiveUsdPerKwh) / p.retailUsdPerKwh);
  if (!(L > 0)) return { logPriceRatio: 0, optIn: 0, optOut: 1, depth: 0, expectedReduction: 0 };
  const optIn = (p.optInMax * L) / (L + Math.log(p.optInHalfPriceRatio));
  const optOut = Math.min(1, p.optOutRate * (Math.log(p.optOutReferencePriceRatio) / L) ** (p.optOutElasticity ?? 0.3));
  const depth = p.responseProbability > 0 ? Math.min(p.flexibleShare, (p.arcSlope * L) / p.responseProbability) : 0;
  return { logPriceRatio: L, optIn, optOut, depth, expectedReduction: p.responseProbability * depth };
}
