import { z } from 'zod';
import { hours, nonNegativeNumber, positiveNumber, unitInterval } from './fields.ts';
import { type PreCoolingDefaults, preCoolingSchema, type PriceResponseDefaults, priceResponseSchema, RETAIL_USD_PER_KWH } from './priceResponseSchema.ts';

/** The consumer archetypes a population is mixed from. */
export const ARCHETYPES = ['residential_ac', 'residential_ev', 'small_commercial', 'industrial'] as const;
export type ArchetypeName = (typeof ARCHETYPES)[number];

/** The meter fault kinds the simulator injects. */
export const METER_FAULTS = ['missing', 'stuck', 'spike', 'clockDrift', 'tamper'] as const;
export type MeterFaultKind = (typeof METER_FAULTS)[number];

/** Typical values of one archetype; every archetype field defaults to these. */
export interface ArchetypeDefaults {
  share: number;
  loadShape: 'residential' | 'commercial' | 'flat';
  meanKw: number;
  balancePointC: number;
  perDegC: number;
  flexibleShare: number;
  responseProbability: number;
  fatiguePerEvent: number;
  fatigueRecoveryDays: number;
  reboundShare: number;
  reboundHours: number;
  optOutRate: number;
  priceResponse: PriceResponseDefaults;
  preCooling: PreCoolingDefaults;
  faults: Record<MeterFaultKind, number>;
}

/** Defaults per archetype (the default mix sums to 1). */
export const ARCHETYPE_DEFAULTS: Readonly<Record<ArchetypeName, ArchetypeDefaults>> = {
  residential_ac: {
    share: 0.55, loadShape: 'residential', meanKw: 1.3, balancePointC: 21, perDegC: 0.06,
    flexibleShare: 0.3, responseProbability: 0.75, fatiguePerEvent: 0.05, fatigueRecoveryDays: 3,
    reboundShare: 0.4, reboundHours: 2, optOutRate: 0.05,
    priceResponse: { arcSlope: 0.075, retailUsdPerKwh: RETAIL_USD_PER_KWH.residential, optInMax: 0.5, optInHalfPriceRatio: 2, optOutReferencePriceRatio: 4 },
    preCooling: { share: 0, hours: 2 },
    faults: { missing: 0.002, stuck: 0.0005, spike: 0.0005, clockDrift: 0.0002, tamper: 0.00005 },
  },
  residential_ev: {
    share: 0.15, loadShape: 'residential', meanKw: 1.6, balancePointC: 21, perDegC: 0.03,
    flexibleShare: 0.45, responseProbability: 0.8, fatiguePerEvent: 0.03, fatigueRecoveryDays: 2,
    reboundShare: 0.7, reboundHours: 4, optOutRate: 0.04,
    priceResponse: { arcSlope: 0.075, retailUsdPerKwh: RETAIL_USD_PER_KWH.residential, optInMax: 0.5, optInHalfPriceRatio: 2, optOutReferencePriceRatio: 4 },
    preCooling: { share: 0, hours: 2 },
    faults: { missing: 0.002, stuck: 0.0005, spike: 0.0005, clockDrift: 0.0002, tamper: 0.00005 },
  },
  small_commercial: {
    share: 0.25, loadShape: 'commercial', meanKw: 18, balancePointC: 18, perDegC: 0.03,
    flexibleShare: 0.15, responseProbability: 0.6, fatiguePerEvent: 0.04, fatigueRecoveryDays: 5,
    reboundShare: 0.3, reboundHours: 2, optOutRate: 0.08,
    priceResponse: { arcSlope: 0.04, retailUsdPerKwh: RETAIL_USD_PER_KWH.commercial, optInMax: 0.5, optInHalfPriceRatio: 2, optOutReferencePriceRatio: 4 },
    preCooling: { share: 0, hours: 2 },
    faults: { missing: 0.001, stuck: 0.0003, spike: 0.0003, clockDrift: 0.0001, tamper: 0.00002 },
  },
  industrial: {
    share: 0.05, loadShape: 'commercial', meanKw: 400, balancePointC: 18, perDegC: 0.01,
    flexibleShare: 0.1, responseProbability: 0.9, fatiguePerEvent: 0.02, fatigueRecoveryDays: 7,
    reboundShare: 0.2, reboundHours: 3, optOutRate: 0.02,
    priceResponse: { arcSlope: 0.03, retailUsdPerKwh: RETAIL_USD_PER_KWH.industrial, optInMax: 0.5, optInHalfPriceRatio: 2, optOutReferencePriceRatio: 4 },
    preCooling: { share: 0, hours: 2 },
    faults: { missing: 0.0005, stuck: 0.0001, spike: 0.0001, clockDrift: 0.00005, tamper: 0.00001 },
  },
};

const FAULT_DESCRIPTIONS: Readonly<Record<MeterFaultKind, string>> = {
  missing: 'reading not delivered (gap)',
  stuck: 'meter repeats its last reading',
  spike: 'one absurd reading (×10 or more)',
  clockDrift: 'timestamps drift by whole intervals',
  tamper: 'readings scaled down (theft / manipulation)',
};

/** The schema of one archetype, with `name`'s defaults. */
export function archetypeSchema(name: ArchetypeName) {
  const d = ARCHETYPE_DEFAULTS[name];
  const faultShape = Object.fromEntries(
    METER_FAULTS.map((kind) => [
      kind,
      unitInterval
        .default(d.faults[kind])
        .describe(`Probability per meter per day that a "${kind}" fault starts: ${FAULT_DESCRIPTIONS[kind]}.`),
    ]),
  ) as { [K in MeterFaultKind]: z.ZodDefault<typeof unitInterval> };

  return z
    .strictObject({
      share: unitInterval.describe('Share of the population in this archetype; the shares of all listed archetypes sum to 1.'),
      loadShape: z
        .strictObject({
          source: z
            .enum(['residential', 'commercial', 'flat'], { error: 'expected "residential", "commercial" or "flat"' })
            .default(d.loadShape)
            .describe('Where hourly shapes come from: the `data.residential` or `data.commercial` dataset, or "flat" (constant).'),
          meanKw: positiveNumber.default(d.meanKw).describe('Average demand of one consumer in kW (shapes are rescaled to it).'),
        })
        .prefault({})
        .describe('Load shape source and scale.'),
      temperatureSensitivity: z
        .strictObject({
          balancePointC: z
            .number({ error: 'expected a temperature in °C' })
            .default(d.balancePointC)
            .describe('Outdoor temperature (°C) above which cooling load grows.'),
          perDegC: nonNegativeNumber
            .default(d.perDegC)
            .describe('Extra load per °C above the balance point, as a fraction of mean load (0.05 = +5 % per °C).'),
        })
        .prefault({})
        .describe('How load follows temperature.'),
      flexibleShare: unitInterval.default(d.flexibleShare).describe('Share of load that can be curtailed during an event.'),
      responseProbability: unitInterval
        .default(d.responseProbability)
        .describe('Probability that an enrolled consumer responds to an event (before fatigue).'),
      eventFatigue: z
        .strictObject({
          perEvent: unitInterval
            .default(d.fatiguePerEvent)
            .describe('Drop of response probability per recent event (multiplicative: p × (1 − perEvent)^events).'),
          recoveryDays: nonNegativeNumber
            .default(d.fatigueRecoveryDays)
            .describe('Days without an event after which fatigue is forgotten.'),
        })
        .prefault({})
        .describe('Response fatigue from repeated events.'),
      rebound: z
        .strictObject({
          share: unitInterval.default(d.reboundShare).describe('Share of the curtailed energy consumed again after the event (snapback).'),
          hours: hours.default(d.reboundHours).describe('Hours after the event over which the rebound is spread.'),
        })
        .prefault({})
        .describe('Rebound (snapback) after an event.'),
      preCooling: preCoolingSchema(d.preCooling),
      optOutRate: unitInterval
        .default(d.optOutRate)
        .describe('Probability that an enrolled consumer opts out of an event (where the tier allows it) at the reference price ratio (`priceResponse.optOutReferencePriceRatio`); it rises as the incentive falls. Assumed, not calibrated.'),
      priceResponse: priceResponseSchema(d.priceResponse),
      meterFaults: z.strictObject(faultShape).prefault({}).describe('Meter fault rates per fault kind (probability per meter per day).'),
    })
    .describe(`Behaviour of the ${name} archetype; every field except share has a default.`);
}

export type Archetype = z.output<ReturnType<typeof archetypeSchema>>;
