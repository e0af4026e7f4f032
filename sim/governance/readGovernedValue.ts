import type { SystemContracts } from '../chain/index.ts';
import { UsageError } from '../errors.ts';
import { findGovernanceParameter, type GovernedTier, TIER_IDS } from './governanceParameters.ts';

/** A price-factor breakpoint, as proposals write it. */
export interface PriceBreakpoint {
  stressBps: number;
  factorBps: number;
}

/** A region's thresholds, as proposals write them. */
export interface RegionThresholds {
  region: number;
  stressKw: number;
  emergencyKw: number;
}

/** A governed parameter's value: numbers for fields up to 64 bits, bigint for uint256, booleans, curves, thresholds. */
export type GovernedValue = number | bigint | boolean | PriceBreakpoint[] | RegionThresholds;

export interface ReadGovernedValueParameters {
  contracts: SystemContracts;
  /** A `governed` parameter name (governanceParameters.ts). */
  name: string;
  /** For `LoadForecast.thresholds`: the region to read. */
  region?: number;
}

/** Reads one governed parameter's current value from its contract (the getter that mirrors its setter). */
export async function readGovernedValue({ contracts: c, name, region }: ReadGovernedValueParameters): Promise<GovernedValue> {
  const spec = findGovernanceParameter(name);
  if (spec?.kind !== 'governed') {
    throw new UsageError(`readGovernedValue: ${name} is not a governed on-chain parameter`, { hint: 'Only parameters of kind "governed" live in a contract.' });
  }
  const tier = /^ReductionRequests\.tiers\.(\w+)\.(\w+)$/.exec(name);
  if (tier) {
    const params = await c.reductionRequests.read.tierParams([TIER_IDS[tier[1] as GovernedTier]]);
    return params[tier[2] as keyof typeof params];
  }
  switch (name) {
    case 'IncentiveDistributor.minComplianceBps':
      return Number(await c.incentiveDistributor.read.minComplianceBps());
    case 'IncentiveDistributor.bonusSlopeBps':
      return Number(await c.incentiveDistributor.read.bonusSlopeBps());
    case 'IncentiveDistributor.bonusCapBps':
      return Number(await c.incentiveDistributor.read.bonusCapBps());
    case 'IncentiveDistributor.priceCurve': {
      const [x, y] = await c.incentiveDistributor.read.priceCurve();
      return x.map((stress, i) => ({ stressBps: Number(stress), factorBps: Number(y[i]) }));
    }
    case 'IncentiveDistributor.disputeWindow':
      return Number(await c.incentiveDistributor.read.disputeWindow());
    case 'LoadForecast.thresholds': {
      if (region === undefined) throw new UsageError('readGovernedValue: LoadForecast.thresholds needs a region', { hint: 'Pass region.' });
      const [stressKw, emergencyKw] = await c.loadForecast.read.thresholdsOf([region]);
      return { region, stressKw: Number(stressKw), emergencyKw: Number(emergencyKw) };
    }
    case 'LoadForecast.accuracyAlphaBps':
      return Number(await c.loadForecast.read.accuracyAlphaBps());
    case 'LoadForecast.commitLeadSeconds':
      return Number(await c.loadForecast.read.commitLeadSeconds());
    case 'ConsumerRegistry.reliabilityAlphaBps':
      return Number((await c.consumerRegistry.read.reliabilityParams())[0]);
    case 'ConsumerRegistry.initialReliabilityBps':
      return Number((await c.consumerRegistry.read.reliabilityParams())[1]);
    default: {
      const config = await c.utilityRegistry.read.config();
      const field = name.replace(/^UtilityRegistry\./, '') as keyof typeof config;
      const value = config[field];
      if (value === undefined) throw new UsageError(`readGovernedValue: no getter for ${name}`, { hint: 'Internal: add it to readGovernedValue.' });
      return field === 'minBond' || field === 'requiredFlags' ? (value as bigint) : Number(value);
    }
  }
}

/** A value as canonical text, to compare what was proposed with what the contract holds. */
export function governedValueText(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
}
