import { UsageError } from '../errors.ts';
import { rng, type Rng } from '../rng.ts';
import { ARCHETYPES, METER_FAULTS, type Archetype, type ArchetypeName, type Scenario } from '../scenario/index.ts';
import type { ConsumerShapes, ShapeSet } from './extractShapes.ts';

/** Words of the 168-bit weekly availability mask per consumer (bit h = hour-of-week h, UTC, bit 0 = Monday 00:00). */
export const AVAILABILITY_WORDS = 6;
/** Number of meter fault kinds (METER_FAULTS order). */
export const FAULT_KINDS = METER_FAULTS.length;

/** How consumers of one archetype differ from each other and from day to day (not in the scenario file). */
export interface ArchetypeVariability {
  /** Log-sd of the consumer's size around `loadShape.meanKw` (mean-preserving lognormal). */
  scaleLogSd: number;
  /** Log-sd of per-hour noise (mean-preserving lognormal). */
  hourlyNoiseSd: number;
  /** Log-sd of a per-day level shift (mean-preserving lognormal). */
  dailyNoiseSd: number;
  /** Log-sd of the jitter on behaviour rates and shares (flexible share, response, opt-out, fatigue, rebound, faults). */
  behaviourLogSd: number;
  /** Sd of the balance point around the archetype's (°C). */
  balancePointSdC: number;
}

export const ARCHETYPE_VARIABILITY: Readonly<Record<ArchetypeName, ArchetypeVariability>> = {
  residential_ac: { scaleLogSd: 0.35, hourlyNoiseSd: 0.2, dailyNoiseSd: 0.1, behaviourLogSd: 0.2, balancePointSdC: 1.5 },
  residential_ev: { scaleLogSd: 0.35, hourlyNoiseSd: 0.25, dailyNoiseSd: 0.12, behaviourLogSd: 0.2, balancePointSdC: 1.5 },
  small_commercial: { scaleLogSd: 0.5, hourlyNoiseSd: 0.06, dailyNoiseSd: 0.04, behaviourLogSd: 0.15, balancePointSdC: 1 },
  industrial: { scaleLogSd: 0.5, hourlyNoiseSd: 0.04, dailyNoiseSd: 0.03, behaviourLogSd: 0.1, balancePointSdC: 1 },
};

/** Registry preferences (ConsumerRegistry.setPreferences) consumers are drawn with. */
export interface PreferenceDistribution {
  /** P(maxTier = 1, 2, 3, 4 (emergency)); sums to 1. */
  maxTier: readonly [number, number, number, number];
  /** P(standing opt-in). */
  autoEnroll: number;
  /** P(the consumer blocks a daily window of hours in its weekly availability). */
  restrictedAvailability: number;
  /** Length range (hours, inclusive) of that daily blocked window. */
  blockedHours: readonly [number, number];
}

export const DEFAULT_PREFERENCES: PreferenceDistribution = {
  maxTier: [0.1, 0.15, 0.25, 0.5],
  autoEnroll: 0.8,
  restrictedAvailability: 0.3,
  blockedHours: [2, 4],
};

/**
 * Compact per-consumer parameters: one entry per consumer in typed arrays (index = consumer id).
 * Each consumer's values are drawn from its own stream `rng({ seed, kind: 'consumer', id })` (its meter's
 * from `rng({ seed, kind: 'meter', id })`), so adding a consumer changes nobody else's parameters.
 */
export interface ConsumerPopulation {
  readonly count: number;
  readonly seed: number;
  /** Archetype names by archetype index (ARCHETYPES order). */
  readonly archetypeNames: readonly ArchetypeName[];
  /** Shape set each archetype index follows (its loadShape.source). */
  readonly shapeSets: readonly ShapeSet[];
  readonly archetype: Uint8Array;
  /** Index of the real home / building profile followed, within the archetype's shape set. */
  readonly shapeSource: Uint16Array;
  /** Mean demand at or below the balance point (kW). */
  readonly scaleKw: Float64Array;
  readonly balancePointC: Float64Array;
  /** Extra load per °C above the balance point, as a fraction of base load. */
  readonly perDegC: Float64Array;
  readonly flexibleShare: Float64Array;
  readonly responseProbability: Float64Array;
  readonly fatiguePerEvent: Float64Array;
  readonly fatigueRecoveryDays: Float64Array;
  readonly reboundShare: Float64Array;
  readonly reboundHours: Uint8Array;
  readonly optOutRate: Float64Array;
  /** Response to the incentive (archetype values, no jitter): see the archetype's `priceResponse`. */
  readonly arcSlope: Float64Array;
  /** Retail price the consumer pays ($/kWh). */
  readonly retailUsdPerKwh: Float64Array;
  readonly optInMax: Float64Array;
  readonly optInHalfPriceRatio: Float64Array;
  readonly optOutReferencePriceRatio: Float64Array;
  /** Energy consumed before an event as a share of the energy curtailed in it, over preCoolHours. */
  readonly preCoolShare: Float64Array;
  readonly preCoolHours: Uint8Array;
  /** count × 5: probability per meter per day that each fault kind starts (METER_FAULTS order). */
  readonly faultRates: Float64Array;
  /** count × 6 words: weekly availability bits (hour-of-week, UTC, bit 0 = Monday 00:00), as ConsumerRegistry. */
  readonly availability: Uint32Array;
  /** Highest tier accepted: 1..3, 4 = emergency. */
  readonly maxTier: Uint8Array;
  /** 1 = standing opt-in. */
  readonly autoEnroll: Uint8Array;
  readonly hourlyNoiseSd: Float64Array;
  readonly dailyNoiseSd: Float64Array;
  /** Keys of the counter-based streams: load noise per (consumer, day), event decisions per (consumer, event), meter faults per (meter, day). */
  readonly noiseKey: Uint32Array;
  readonly behaviourKey: Uint32Array;
  readonly meterKey: Uint32Array;
}

export interface BuildPopulationParameters {
  /** The validated scenario (its seed and population are used). */
  scenario: Pick<Scenario, 'seed' | 'population'>;
  shapes: ConsumerShapes;
  /** Override the scenario's population.count (e.g. for tests and benchmarks). */
  count?: number;
  variability?: Readonly<Record<ArchetypeName, ArchetypeVariability>>;
  preferences?: PreferenceDistribution;
}

const GOLDEN = (Math.sqrt(5) - 1) / 2;
const clamp01 = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);
const jitter = (r: Rng, logSd: number) => Math.exp(r.normal(0, logSd) - (logSd * logSd) / 2);

/** Consumer i's response to the incentive and pre-cooling: the archetype's values (no draws, so no stream shifts). */
function priceResponseOf(pop: ConsumerPopulation, i: number, arch: Archetype): void {
  const p = arch.priceResponse;
  pop.arcSlope[i] = p.arcSlope;
  pop.retailUsdPerKwh[i] = p.retailUsdPerKwh;
  pop.optInMax[i] = p.optInMax;
  pop.optInHalfPriceRatio[i] = p.optInHalfPriceRatio;
  pop.optOutReferencePriceRatio[i] = p.optOutReferencePriceRatio;
  pop.preCoolShare[i] = arch.preCooling.share;
  pop.preCoolHours[i] = Math.max(0, Math.round(arch.preCooling.hours));
}

export interface IsAvailableParameters {
  population: Pick<ConsumerPopulation, 'availability'>;
  /** Consumer index. */
  consumer: number;
  /** Hour of the week, UTC, 0 = Monday 00:00 (taken modulo 168). */
  hourOfWeek: number;
}

/** Whether a consumer's weekly availability mask has the bit of `hourOfWeek` set. */
export function isAvailable({ population, consumer: i, hourOfWeek }: IsAvailableParameters): boolean {
  const h = ((hourOfWeek % 168) + 168) % 168;
  return ((population.availability[i * AVAILABILITY_WORDS + (h >>> 5)]! >>> (h & 31)) & 1) === 1;
}

/**
 * Draws the consumers of a scenario. Archetype of consumer i: the low-discrepancy point
 * frac(offset + (i + 1) · φ⁻¹) placed in the cumulative archetype shares (offset from the scenario's
 * 'population' stream), so the mix matches the shares closely at any count and does not depend on it.
 * Everything else from the consumer's own stream, in a fixed order.
 */
export function buildPopulation({ scenario, shapes, count = scenario.population.count, variability = ARCHETYPE_VARIABILITY, preferences = DEFAULT_PREFERENCES }: BuildPopulationParameters): ConsumerPopulation {
  if (!Number.isSafeInteger(count) || count < 0 || count > 10_000_000) {
    throw new UsageError(`buildPopulation: count must be a whole number in [0, 10000000], got ${count}`, { hint: 'Set population.count in the scenario or pass a valid count.' });
  }
  const tierSum = preferences.maxTier.reduce((a, b) => a + b, 0);
  if (Math.abs(tierSum - 1) > 1e-9) {
    throw new UsageError(`buildPopulation: preferences.maxTier probabilities sum to ${tierSum}, not 1`, { hint: 'Give P(maxTier = 1..4) summing to 1.' });
  }
  const mix = scenario.population.archetypes;
  const listed = ARCHETYPES.filter((name) => mix[name] !== undefined);
  if (listed.length === 0) {
    throw new UsageError('buildPopulation: the scenario lists no archetype', { hint: 'List at least one archetype under population.archetypes.' });
  }
  const params = ARCHETYPES.map((name) => mix[name]);
  const shapeSets = ARCHETYPES.map((name) => shapes[(mix[name]?.loadShape.source ?? 'flat') as keyof ConsumerShapes]);
  // Fitted cooling slope of each source relative to its set's mean: sources that respond more to heat get a larger share of the archetype's perDegC.
  const relativeSlope = shapeSets.map((set) => {
    let mean = 0;
    for (const s of set.coolingSlope) mean += s;
    mean /= set.coolingSlope.length;
    return Float64Array.from(set.coolingSlope, (s) => (mean > 0 ? Math.min(4, Math.max(0.25, s / mean)) : 1));
  });
  const cumulative: { index: number; upTo: number }[] = [];
  let acc = 0;
  for (const name of listed) {
    acc += mix[name]!.share;
    cumulative.push({ index: ARCHETYPES.indexOf(name), upTo: acc });
  }
  const offset = rng({ seed: scenario.seed, kind: 'population', id: 'archetype-mix' }).uniform();

  const pop = {
    count,
    seed: scenario.seed,
    archetypeNames: ARCHETYPES,
    shapeSets,
    archetype: new Uint8Array(count),
    shapeSource: new Uint16Array(count),
    scaleKw: new Float64Array(count),
    balancePointC: new Float64Array(count),
    perDegC: new Float64Array(count),
    flexibleShare: new Float64Array(count),
    responseProbability: new Float64Array(count),
    fatiguePerEvent: new Float64Array(count),
    fatigueRecoveryDays: new Float64Array(count),
    reboundShare: new Float64Array(count),
    reboundHours: new Uint8Array(count),
    optOutRate: new Float64Array(count),
    arcSlope: new Float64Array(count),
    retailUsdPerKwh: new Float64Array(count),
    optInMax: new Float64Array(count),
    optInHalfPriceRatio: new Float64Array(count),
    optOutReferencePriceRatio: new Float64Array(count),
    preCoolShare: new Float64Array(count),
    preCoolHours: new Uint8Array(count),
    faultRates: new Float64Array(count * FAULT_KINDS),
    availability: new Uint32Array(count * AVAILABILITY_WORDS),
    maxTier: new Uint8Array(count),
    autoEnroll: new Uint8Array(count),
    hourlyNoiseSd: new Float64Array(count),
    dailyNoiseSd: new Float64Array(count),
    noiseKey: new Uint32Array(count),
    behaviourKey: new Uint32Array(count),
    meterKey: new Uint32Array(count),
  } satisfies ConsumerPopulation;

  for (let i = 0; i < count; i++) {
    const u = (offset + (i + 1) * GOLDEN) % 1;
    const a = (cumulative.find((c) => u < c.upTo) ?? cumulative[cumulative.length - 1]!).index;
    const arch = params[a]! as Archetype;
    const v = variability[ARCHETYPES[a]!];
    const set = shapeSets[a]!;
    const r = rng({ seed: scenario.seed, kind: 'consumer', id: i });
    pop.archetype[i] = a;
    const source = r.integer(0, set.names.length - 1);
    pop.shapeSource[i] = source;
    pop.scaleKw[i] = arch.loadShape.meanKw * jitter(r, v.scaleLogSd);
    pop.balancePointC[i] = arch.temperatureSensitivity.balancePointC + r.normal(0, v.balancePointSdC);
    pop.perDegC[i] = arch.temperatureSensitivity.perDegC * relativeSlope[a]![source]! * jitter(r, v.behaviourLogSd);
    pop.flexibleShare[i] = clamp01(arch.flexibleShare * jitter(r, v.behaviourLogSd));
    pop.responseProbability[i] = clamp01(arch.responseProbability * jitter(r, v.behaviourLogSd));
    pop.fatiguePerEvent[i] = clamp01(arch.eventFatigue.perEvent * jitter(r, v.behaviourLogSd));
    pop.fatigueRecoveryDays[i] = arch.eventFatigue.recoveryDays;
    pop.reboundShare[i] = clamp01(arch.rebound.share * jitter(r, v.behaviourLogSd));
    pop.reboundHours[i] = Math.max(0, Math.round(arch.rebound.hours));
    pop.optOutRate[i] = clamp01(arch.optOutRate * jitter(r, v.behaviourLogSd));
    priceResponseOf(pop, i, arch);
    pop.hourlyNoiseSd[i] = v.hourlyNoiseSd;
    pop.dailyNoiseSd[i] = v.dailyNoiseSd;
    // Registry preferences.
    const t = r.uniform();
    let tier = 1;
    let cum = preferences.maxTier[0];
    while (tier < 4 && t >= cum) cum += preferences.maxTier[tier++]!;
    pop.maxTier[i] = tier;
    pop.autoEnroll[i] = r.bernoulli(preferences.autoEnroll) ? 1 : 0;
    const base = i * AVAILABILITY_WORDS;
    for (let w = 0; w < AVAILABILITY_WORDS; w++) pop.availability[base + w] = w === AVAILABILITY_WORDS - 1 ? 0xff : 0xffff_ffff; // 168 bits
    if (r.bernoulli(preferences.restrictedAvailability)) {
      const start = r.integer(0, 23);
      const length = r.integer(preferences.blockedHours[0], preferences.blockedHours[1]);
      for (let d = 0; d < 7; d++) {
        for (let k = 0; k < length; k++) {
          const h = (d * 24 + start + k) % 168;
          pop.availability[base + (h >>> 5)] &= ~(1 << (h & 31));
        }
      }
    }
    pop.noiseKey[i] = r.integer(0, 0xffff_ffff);
    pop.behaviourKey[i] = r.integer(0, 0xffff_ffff);
    const m = rng({ seed: scenario.seed, kind: 'meter', id: i });
    for (let k = 0; k < FAULT_KINDS; k++) pop.faultRates[i * FAULT_KINDS + k] = clamp01(arch.meterFaults[METER_FAULTS[k]!] * jitter(m, v.behaviourLogSd));
    pop.meterKey[i] = m.integer(0, 0xffff_ffff);
  }
  return pop;
}
