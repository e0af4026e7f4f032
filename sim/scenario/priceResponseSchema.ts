import { z } from 'zod';
import { hours, positiveNumber, unitInterval } from './fields.ts';

/**
 * Average retail price by customer class, $/kWh: EIA Electric Power Annual 2023 (released 17 Oct 2024), average
 * revenue per kWh, Maryland — the state of the BGE peak-time-rebate pilot the residential response is calibrated to
 * (https://www.eia.gov/electricity/annual/secrev-map.php: residential 16.60, commercial 12.77, industrial 9.94 ¢/kWh).
 */
export const RETAIL_USD_PER_KWH = { residential: 0.166, commercial: 0.1277, industrial: 0.0994 } as const;

/** Defaults of one archetype's `priceResponse`. */
export interface PriceResponseDefaults {
  arcSlope: number;
  retailUsdPerKwh: number;
  optInMax: number;
  optInHalfPriceRatio: number;
  optOutReferencePriceRatio: number;
}

/** Defaults of one archetype's `preCooling`. */
export interface PreCoolingDefaults {
  share: number;
  hours: number;
}

const ARC_SOURCE =
  'Arc of price responsiveness: peak reduction grows with ln(price ratio), at a decreasing rate (Faruqui & Sergici, "Arcturus: International Evidence on Dynamic Pricing", 2013, SSRN 2288116). ' +
  'Residential 0.075: BGE Smart Energy Pricing pilot, summer 2008 (Faruqui & Sergici, J. Regulatory Economics 40(1), 2011; 18–33 % peak reductions, the low end price-only peak-time rebate) ' +
  'at rebates ≈ 9× and ≈ 13× the flat rate (Liu, Ni & Shen 2014 on the pilot design), i.e. price ratios ≈ 10–14: 0.18 / ln(10…14) ≈ 0.068–0.078. ' +
  'Consistent with critical-peak pricing without enabling technology, 13–20 % (Faruqui & Sergici, "Household response to dynamic pricing of electricity: a survey of 15 experiments", J. Regulatory Economics 38, 2010, 193–225) ' +
  'and the California Statewide Pricing Pilot CPP-F, ≈ 13 % on critical-peak days at roughly 5–6:1 (Faruqui & George, Electricity Journal 18(4), 2005). ' +
  'With enabling technology (smart thermostats, AC switches) that survey finds 27–44 %: an arcSlope of about 0.12–0.17. ' +
  'small_commercial 0.04 and industrial 0.03 are assumptions (no published C&I figure used; low confidence).';

/** The schema of an archetype's response to the incentive it is paid. */
export function priceResponseSchema(d: PriceResponseDefaults) {
  return z
    .strictObject({
      arcSlope: z
        .number({ error: 'expected a number in [0, 1]' })
        .min(0, { error: 'expected a number in [0, 1]' })
        .max(1, { error: 'expected a number in [0, 1]' })
        .default(d.arcSlope)
        .describe(
          'Share of its event-hour load an enrolled consumer sheds on average (before fatigue and notice) per unit of ln(price ratio), price ratio = (retail price + incentive) / retail price, ' +
            'incentive = program rate × token price × tier multiplier × the event\'s price factor ($/kWh). A responder sheds min(flexibleShare, arcSlope · ln(ratio) / responseProbability); a zero rate sheds nothing. ' +
            ARC_SOURCE,
        ),
      retailUsdPerKwh: positiveNumber
        .default(d.retailUsdPerKwh)
        .describe(
          'Retail electricity price the consumer pays ($/kWh), the denominator of the price ratio. Source of the values: EIA Electric Power Annual 2023, average revenue per kWh in Maryland (the BGE pilot\'s state): residential 0.166, commercial 0.1277, industrial 0.0994 (eia.gov/electricity/annual/secrev-map.php).',
        ),
      optInMax: unitInterval
        .default(d.optInMax)
        .describe(
          'Highest probability that a consumer without standing opt-in opts in to an event, approached as the incentive grows: P = optInMax · ln(ratio) / (ln(ratio) + ln(optInHalfPriceRatio)); 0 at a zero rate. Assumed (the former fixed 0.5), not calibrated: no published opt-in-versus-rebate curve was found.',
        ),
      optInHalfPriceRatio: z
        .number({ error: 'expected a price ratio > 1' })
        .gt(1, { error: 'expected a price ratio > 1' })
        .default(d.optInHalfPriceRatio)
        .describe('Price ratio at which the manual opt-in probability is half of optInMax. Assumed (2: an incentive equal to the retail price), not calibrated.'),
      optOutReferencePriceRatio: z
        .number({ error: 'expected a price ratio > 1' })
        .gt(1, { error: 'expected a price ratio > 1' })
        .default(d.optOutReferencePriceRatio)
        .describe(
          'Price ratio at which `optOutRate` applies unchanged; the opt-out probability is min(1, optOutRate · (ln(reference) / ln(ratio))^0.3), so every consumer who may opt out does at a zero rate. Assumed (4, about the quickstart\'s tier-2 ratio), not calibrated.',
        ),
    })
    .prefault({})
    .describe('How enrolment, opt-out and curtailment depth follow the incentive the consumer is paid, against its retail price (docs/consumer-model.md "Response to the incentive").');
}

/** The schema of an archetype's pre-cooling (load moved before the event). */
export function preCoolingSchema(d: PreCoolingDefaults) {
  return z
    .strictObject({
      share: unitInterval
        .default(d.share)
        .describe(
          'Energy consumed before the event (pre-cooling, pre-charging), as a share of the energy curtailed in it, spread evenly over `hours` before the start. Off by default: no published magnitude was used; smart-thermostat rebate programs pre-cool, so set it when modelling them.',
        ),
      hours: hours.default(d.hours).describe('Hours before the event over which pre-cooling is spread.'),
    })
    .prefault({})
    .describe('Pre-cooling before an event (the mirror of rebound).');
}
