/**
 * The parameters a governance proposal may change, by the names the contracts use. Three kinds:
 * - `governed`: a GOVERNANCE_ROLE setter of a contract (contracts/src/*.sol), executed by the timelock after
 *   a passed Governor vote; the value is read back from the contract afterwards.
 * - `event-term`: a field of `ReductionRequests.EventParams` that the utility writes into every `createEvent`
 *   (the rate per token, the baseline method id). Not stored as a governed parameter on-chain: the passed
 *   proposal changes the scenario's program, and the engine's utility puts the new value into each event.
 * - `scenario`: a program rule the engine applies off-chain (when events are called); the passed proposal
 *   changes the scenario only.
 */
import { z } from 'zod';
import { BASELINE_METHODS } from '../baseline/index.ts';
import { increasingStress, numberToDecimal, TOKENS } from '../scenario/index.ts';

export type ParameterKind = 'governed' | 'event-term' | 'scenario';

/** Tier names as scenarios write them, with ReductionRequests' tier ids. */
export const TIER_IDS = { tier1: 1, tier2: 2, tier3: 3, emergency: 4 } as const;
export type GovernedTier = keyof typeof TIER_IDS;
export const TIER_NAMES = Object.keys(TIER_IDS) as GovernedTier[];

/** The on-chain setter a governed parameter goes through (several parameters may share one call). */
export type SetterName =
  | 'ReductionRequests.setTier'
  | 'IncentiveDistributor.setPerformanceParams'
  | 'IncentiveDistributor.setPriceCurve'
  | 'IncentiveDistributor.setDisputeWindow'
  | 'LoadForecast.setThresholds'
  | 'LoadForecast.setAccuracyAlpha'
  | 'LoadForecast.setCommitLead'
  | 'UtilityRegistry.setRequiredApprovals'
  | 'UtilityRegistry.setMinBond'
  | 'UtilityRegistry.setRequiredFlags'
  | 'UtilityRegistry.setApprovalPeriod'
  | 'UtilityRegistry.setRenewalReputationThreshold'
  | 'UtilityRegistry.setReputationAlpha'
  | 'UtilityRegistry.setInitialReputation'
  | 'UtilityRegistry.setRevokeSlash'
  | 'UtilityRegistry.setBondUnlockDelay'
  | 'ConsumerRegistry.setReliabilityAlpha'
  | 'ConsumerRegistry.setInitialReliability';

export interface GovernanceParameter {
  /** The name a proposal file writes, e.g. `IncentiveDistributor.minComplianceBps`. */
  readonly name: string;
  readonly kind: ParameterKind;
  /** For `governed`: the setter that applies it. */
  readonly setter?: SetterName;
  /** What the value means, with its unit. */
  readonly description: string;
  /** Validates (and normalises) the value written in the file. */
  readonly schema: z.ZodType;
}

// ---- value types, each with the "expected …" message a researcher sees
function whole(min: number, max: number, unit: string) {
  const message = `expected a whole number of ${unit} in [${min}, ${max}]`;
  return z.number({ error: message }).int({ error: message }).min(min, { error: message }).max(max, { error: message });
}
const bps = (min: number, max: number) => whole(min, max, 'basis points');
const seconds = (min: number, max: number) => whole(min, max, 'seconds');
const UINT32_MAX = 0xffff_ffff;
const UINT64_SAFE = Number.MAX_SAFE_INTEGER;
const MAX_KW = 2 ** 21 - 1; // LoadForecast.MAX_VALUE
const uint256Message = 'expected a whole number ≥ 0 (write large values as a quoted string of digits, e.g. "1000000000000000000000")';
const uint256 = z
  .union([z.number({ error: uint256Message }).int({ error: uint256Message }).min(0, { error: uint256Message }), z.string().regex(/^\d{1,78}$/, { error: uint256Message })], {
    error: uint256Message,
  })
  .transform((v) => BigInt(v))
  .refine((v) => v < 2n ** 256n, { error: 'expected a value below 2^256' });
const boolean = z.boolean({ error: 'expected true or false' });
const decimalMessage = 'expected a decimal amount > 0 such as 0.25 or "1.5" (at most 18 decimals)';
const decimalAmount = z
  .union([z.number({ error: decimalMessage }).positive({ error: decimalMessage }).max(1e15, { error: decimalMessage }), z.string({ error: decimalMessage }).regex(/^(0|[1-9]\d*)(\.\d{1,18})?$/, { error: decimalMessage })], {
    error: decimalMessage,
  })
  .transform((v) => (typeof v === 'number' ? numberToDecimal(v) : v))
  .refine((v) => /[1-9]/.test(v), { error: decimalMessage });

const baselineNames = BASELINE_METHODS.map((m) => m.name);
const baselineMethod = z
  .union([z.string(), z.number()], { error: `expected a baseline method name (${baselineNames.join(', ')}) or its id` })
  .transform((ref, ctx) => {
    const found = BASELINE_METHODS.find((m) => (typeof ref === 'number' ? m.id === ref : m.name === ref));
    if (found === undefined) {
      ctx.addIssue({ code: 'custom', input: ref, message: `expected a baseline method of sim/baseline BASELINE_METHODS (${BASELINE_METHODS.map((m) => `${m.id}=${m.name}`).join(', ')}), found ${JSON.stringify(ref)}` });
      return z.NEVER;
    }
    return found.name;
  });

const priceCurve = z
  .array(
    z.strictObject({
      stressBps: whole(0, UINT32_MAX, 'basis points').describe('Grid stress (forecast ÷ stress threshold, bps).'),
      factorBps: bps(0, 100_000).describe('Price factor at this stress (10000 = ×1).'),
    }),
    { error: 'expected a list of { stressBps, factorBps } breakpoints' },
  )
  .min(1, { error: 'expected at least one breakpoint' })
  .max(16, { error: 'expected at most 16 breakpoints (IncentiveDistributor.MAX_BREAKPOINTS)' })
  .superRefine(increasingStress);

const thresholds = z
  .strictObject({
    region: whole(0, UINT32_MAX, 'region id'),
    stressKw: whole(1, MAX_KW, 'kW'),
    emergencyKw: whole(1, MAX_KW, 'kW'),
  })
  .superRefine((t, ctx) => {
    if (t.emergencyKw < t.stressKw) {
      ctx.addIssue({ code: 'custom', path: ['emergencyKw'], input: t.emergencyKw, message: `expected at least stressKw (${t.stressKw})` });
    }
  });

const governed = (name: string, setter: SetterName, schema: z.ZodType, description: string): GovernanceParameter => ({ name, kind: 'governed', setter, schema, description });

const tierParameters = TIER_NAMES.flatMap((tier) => [
  governed(`ReductionRequests.tiers.${tier}.minNotice`, 'ReductionRequests.setTier', seconds(0, UINT32_MAX), `Least notice of a ${tier} event (seconds between creation and start).`),
  governed(`ReductionRequests.tiers.${tier}.maxDuration`, 'ReductionRequests.setTier', seconds(900, UINT32_MAX), `Longest ${tier} event (seconds, ≥ 900 = MIN_DURATION).`),
  governed(
    `ReductionRequests.tiers.${tier}.incentiveMultiplierBps`,
    'ReductionRequests.setTier',
    bps(1, 60_000),
    `Payout multiplier of ${tier} events (bps, 10000 = ×1, ≤ MAX_MULTIPLIER_BPS 60000).`,
  ),
  governed(`ReductionRequests.tiers.${tier}.optOutAllowed`, 'ReductionRequests.setTier', boolean, `Whether committed consumers may opt out of a ${tier} event before it starts.`),
]);

/** Every parameter a proposal may change, in the order calls are made. */
export const GOVERNANCE_PARAMETERS: readonly GovernanceParameter[] = Object.freeze([
  ...tierParameters,
  governed('IncentiveDistributor.minComplianceBps', 'IncentiveDistributor.setPerformanceParams', bps(0, 10_000), 'Compliance (delivered ÷ committed, bps) below which nothing is paid.'),
  governed('IncentiveDistributor.bonusSlopeBps', 'IncentiveDistributor.setPerformanceParams', bps(0, 100_000), 'Bonus bps per bps of over-delivery above 100 %.'),
  governed('IncentiveDistributor.bonusCapBps', 'IncentiveDistributor.setPerformanceParams', bps(0, 100_000), 'Largest bonus above ×1 (bps).'),
  governed('IncentiveDistributor.priceCurve', 'IncentiveDistributor.setPriceCurve', priceCurve, 'Price-factor breakpoints: a list of { stressBps, factorBps }, strictly increasing stress.'),
  governed('IncentiveDistributor.disputeWindow', 'IncentiveDistributor.setDisputeWindow', seconds(3600, 30 * 86_400), 'Seconds after a settlement root during which consumers may dispute it (1 h … 30 days).'),
  governed('LoadForecast.thresholds', 'LoadForecast.setThresholds', thresholds, "A region's stress and emergency thresholds: { region, stressKw, emergencyKw }."),
  governed('LoadForecast.accuracyAlphaBps', 'LoadForecast.setAccuracyAlpha', bps(1, 10_000), 'Weight of a new day in the forecaster accuracy EWMA (bps).'),
  governed('LoadForecast.commitLeadSeconds', 'LoadForecast.setCommitLead', seconds(0, 7 * 86_400), 'How long before its day a forecast must be committed (seconds, ≤ 7 days).'),
  governed('UtilityRegistry.requiredApprovals', 'UtilityRegistry.setRequiredApprovals', whole(1, 65_535, 'approvals'), 'M of M-of-N: distinct regulator approvals a utility needs (≤ N regulators).'),
  governed('UtilityRegistry.minBond', 'UtilityRegistry.setMinBond', uint256, 'Minimum utility bond in bond-token smallest units.'),
  governed('UtilityRegistry.requiredFlags', 'UtilityRegistry.setRequiredFlags', uint256, 'Bitmask of compliance flags a utility needs (bit 0 licence, 1 insurance, 2 audit).'),
  governed('UtilityRegistry.approvalPeriod', 'UtilityRegistry.setApprovalPeriod', seconds(1, UINT64_SAFE), 'How long an approval or renewal lasts (seconds).'),
  governed('UtilityRegistry.renewalReputationThresholdBps', 'UtilityRegistry.setRenewalReputationThreshold', bps(0, 10_000), 'Reputation at or above which a renewal needs one approval instead of M.'),
  governed('UtilityRegistry.reputationAlphaBps', 'UtilityRegistry.setReputationAlpha', bps(0, 10_000), 'Weight of a new outcome in the utility reputation EWMA (bps).'),
  governed('UtilityRegistry.initialReputationBps', 'UtilityRegistry.setInitialReputation', bps(0, 10_000), 'Reputation a first-time applicant starts with (bps).'),
  governed('UtilityRegistry.revokeSlashBps', 'UtilityRegistry.setRevokeSlash', bps(0, 10_000), 'Share of the bond slashed on revocation (bps).'),
  governed('UtilityRegistry.bondUnlockDelay', 'UtilityRegistry.setBondUnlockDelay', seconds(0, UINT64_SAFE), 'Seconds between revocation/expiry and bond withdrawal.'),
  governed('ConsumerRegistry.reliabilityAlphaBps', 'ConsumerRegistry.setReliabilityAlpha', bps(0, 10_000), 'Weight of a new event in the consumer reliability EWMA (bps).'),
  governed('ConsumerRegistry.initialReliabilityBps', 'ConsumerRegistry.setInitialReliability', bps(0, 10_000), 'Reliability a newly registered consumer starts with (bps).'),
  ...TOKENS.map(
    (token): GovernanceParameter => ({
      name: `ReductionRequests.event.rate.${token}`,
      kind: 'event-term',
      schema: decimalAmount,
      description: `EventParams.rate of events paid in ${token}: whole ${token} per kWh delivered (scenario program.rates.${token}).`,
    }),
  ),
  {
    name: 'ReductionRequests.event.baselineMethodId',
    kind: 'event-term',
    schema: baselineMethod,
    description: 'EventParams.baselineMethodId: the customer-baseline method, by name (or id) in sim/baseline BASELINE_METHODS (scenario program.baseline).',
  },
  {
    name: 'program.events.trigger.stress',
    kind: 'scenario',
    schema: z.number({ error: 'expected a number > 0' }).positive({ error: 'expected a number > 0' }),
    description: 'Forecast system load (% of peak or kW, per the scenario trigger metric) at or above which a regular event is called.',
  },
  {
    name: 'program.events.trigger.emergency',
    kind: 'scenario',
    schema: z.number({ error: 'expected a number > 0' }).positive({ error: 'expected a number > 0' }),
    description: 'Forecast system load at or above which an emergency event is called.',
  },
  { name: 'program.events.maxPerSeason', kind: 'scenario', schema: whole(0, 366, 'events'), description: 'Most events a utility calls per season.' },
  {
    name: 'program.events.durationHours',
    kind: 'scenario',
    schema: z.number({ error: 'expected hours (a number > 0)' }).positive({ error: 'expected hours (a number > 0)' }),
    description: 'Length of a regular event in hours.',
  },
  {
    name: 'program.events.noticeHours',
    kind: 'scenario',
    schema: z.number({ error: 'expected hours (a number ≥ 0)' }).nonnegative({ error: 'expected hours (a number ≥ 0)' }),
    description: 'Notice given for regular events, in hours.',
  },
]);

const BY_NAME = new Map(GOVERNANCE_PARAMETERS.map((p) => [p.name, p]));

/** The parameter called `name`, or undefined. */
export function findGovernanceParameter(name: string): GovernanceParameter | undefined {
  return BY_NAME.get(name);
}
