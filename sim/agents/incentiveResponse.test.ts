import { describe, expect, it } from 'vitest';
import { ARCHETYPE_DEFAULTS } from '../scenario/index.ts';
import { incentiveResponse, type IncentiveResponseParameters } from './incentiveResponse.ts';

const home = ARCHETYPE_DEFAULTS.residential_ac;
/** The default residential consumer, paid `ratio − 1` times its retail price per kWh. */
const atRatio = (ratio: number, over: Partial<IncentiveResponseParameters> = {}) =>
  incentiveResponse({
    incentiveUsdPerKwh: (ratio - 1) * home.priceResponse.retailUsdPerKwh,
    retailUsdPerKwh: home.priceResponse.retailUsdPerKwh,
    arcSlope: home.priceResponse.arcSlope,
    responseProbability: home.responseProbability,
    flexibleShare: home.flexibleShare,
    optInMax: home.priceResponse.optInMax,
    optInHalfPriceRatio: home.priceResponse.optInHalfPriceRatio,
    optOutRate: home.optOutRate,
    optOutReferencePriceRatio: home.priceResponse.optOutReferencePriceRatio,
    ...over,
  });

describe('incentiveResponse', () => {
  it('reproduces the published residential magnitudes at the piloted price ratios', () => {
    // BGE Smart Energy Pricing 2008, price-only peak-time rebate ≈ 18 % at rebates ≈ 9× and 13× the flat rate
    // (ratios ≈ 10 and 14); CPP without enabling technology 13–20 % (Faruqui & Sergici 2010).
    for (const ratio of [10, 14]) {
      expect(atRatio(ratio).expectedReduction).toBeGreaterThanOrEqual(0.13);
      expect(atRatio(ratio).expectedReduction).toBeLessThanOrEqual(0.2);
    }
    expect(atRatio(10).expectedReduction).toBeCloseTo(0.173, 3);
    // California SPP CPP-F ≈ 13 % at about 5–6:1.
    expect(atRatio(5.5).expectedReduction).toBeGreaterThan(0.11);
    expect(atRatio(5.5).expectedReduction).toBeLessThan(0.15);
  });

  it('grows with the log of the price ratio (an arc: each doubling adds the same), until the flexible share runs out', () => {
    const r = [2, 4, 8].map((x) => atRatio(x).expectedReduction);
    expect(r[1]! - r[0]!).toBeCloseTo(r[2]! - r[1]!, 12);
    expect(r[1]! - r[0]!).toBeCloseTo(0.075 * Math.log(2), 12);
    const capped = atRatio(1000);
    expect(capped.depth).toBe(home.flexibleShare);
    expect(capped.expectedReduction).toBeCloseTo(home.flexibleShare * home.responseProbability, 12);
  });

  it('is monotone in the incentive: opt-in and depth rise, opt-out falls', () => {
    let last = atRatio(1);
    for (const ratio of [1.05, 1.5, 2, 3, 5, 10, 30]) {
      const now = atRatio(ratio);
      expect(now.optIn).toBeGreaterThan(last.optIn);
      expect(now.optOut).toBeLessThanOrEqual(last.optOut);
      expect(now.depth).toBeGreaterThanOrEqual(last.depth);
      last = now;
    }
    expect(atRatio(home.priceResponse.optOutReferencePriceRatio).optOut).toBeCloseTo(home.optOutRate, 12);
    expect(atRatio(home.priceResponse.optInHalfPriceRatio).optIn).toBeCloseTo(home.priceResponse.optInMax / 2, 12);
  });

  it('a zero incentive gives no voluntary response', () => {
    expect(atRatio(1)).toEqual({ logPriceRatio: 0, optIn: 0, optOut: 1, depth: 0, expectedReduction: 0 });
    expect(incentiveResponse({ incentiveUsdPerKwh: -1, retailUsdPerKwh: 0.1, arcSlope: 0.1, responseProbability: 1, flexibleShare: 1, optInMax: 1, optInHalfPriceRatio: 2, optOutRate: 0, optOutReferencePriceRatio: 2 }).depth).toBe(0);
  });
});
