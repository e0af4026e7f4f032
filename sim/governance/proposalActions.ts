import { type Address, encodeFunctionData, type Hex } from 'viem';
import {
  consumerRegistryAbi,
  type DeploySystemResult,
  incentiveDistributorAbi,
  loadForecastAbi,
  peaklabGovernorAbi,
  reductionRequestsAbi,
  utilityRegistryAbi,
} from '../chain/index.ts';
import { findGovernanceParameter, type GovernedTier, type SetterName, TIER_IDS, TIER_NAMES } from './governanceParameters.ts';
import type { Proposal } from './parseProposal.ts';
import { type GovernedValue, type PriceBreakpoint, type RegionThresholds, readGovernedValue } from './readGovernedValue.ts';

/** One call the timelock makes when the proposal executes. */
export interface ProposalAction {
  target: Address;
  value: bigint;
  calldata: Hex;
  /** `Contract.function(args)` for people. */
  label: string;
  /** Proposal parameters this call sets (empty for the signal action). */
  parameters: string[];
}

/** What a governed parameter must read after execution. */
export interface ExpectedValue {
  parameter: string;
  value: GovernedValue;
}

export interface ProposalActionsParameters {
  system: Pick<DeploySystemResult, 'addresses' | 'contracts'>;
  proposal: Pick<Proposal, 'changes'>;
}

export interface ProposalActionsResult {
  /** The Governor proposal's targets/values/calldatas, in GOVERNANCE_PARAMETERS order. */
  actions: ProposalAction[];
  /** Governed values to read back after execution, in change order. */
  expected: ExpectedValue[];
  /** True when the proposal changes nothing on-chain: its only action is a signal call that changes nothing. */
  signalOnly: boolean;
}

const text = (v: unknown): string => (typeof v === 'bigint' ? v.toString() : JSON.stringify(v));

/**
 * The on-chain actions of a proposal. Setters that take several parameters at once (`setTier`,
 * `setPerformanceParams`) are called once with the current on-chain values of the fields the proposal leaves
 * alone (read now), so a proposal changes exactly what it names. A proposal with no governed change (only
 * event terms or scenario rules) still needs one action for the Governor: the timelock then calls
 * `PeaklabGovernor.name()`, a view that changes nothing, so the vote and its execution stay on record.
 */
export async function proposalActions({ system, proposal }: ProposalActionsParameters): Promise<ProposalActionsResult> {
  const { addresses, contracts } = system;
  const governed = proposal.changes.filter((c) => c.kind === 'governed');
  const bySetter = new Map<SetterName, { parameter: string; value: unknown }[]>();
  for (const change of governed) {
    const setter = findGovernanceParameter(change.parameter)?.setter as SetterName;
    bySetter.set(setter, [...(bySetter.get(setter) ?? []), { parameter: change.parameter, value: change.value }]);
  }
  const actions: ProposalAction[] = [];
  const push = (target: Address, calldata: Hex, label: string, parameters: string[]) => actions.push({ target, value: 0n, calldata, label, parameters });
  const single = (setter: SetterName) => bySetter.get(setter)?.[0];

  // tiers: one setTier per touched tier, untouched fields as they are on-chain
  const tierChanges = bySetter.get('ReductionRequests.setTier') ?? [];
  for (const tier of TIER_NAMES) {
    const mine = tierChanges.filter((c) => c.parameter.startsWith(`ReductionRequests.tiers.${tier}.`));
    if (mine.length === 0) continue;
    const current = await contracts.reductionRequests.read.tierParams([TIER_IDS[tier as GovernedTier]]);
    const next = { ...current };
    for (const c of mine) (next as Record<string, unknown>)[c.parameter.split('.').at(-1) as string] = c.value;
    push(
      addresses.reductionRequests,
      encodeFunctionData({ abi: reductionRequestsAbi, functionName: 'setTier', args: [TIER_IDS[tier as GovernedTier], next] }),
      `ReductionRequests.setTier(${TIER_IDS[tier as GovernedTier]}, ${text(next)})`,
      mine.map((c) => c.parameter),
    );
  }
  const performance = bySetter.get('IncentiveDistributor.setPerformanceParams');
  if (performance) {
    const pick = async (name: string) => Number(performance.find((c) => c.parameter === name)?.value ?? (await readGovernedValue({ contracts, name })));
    const args = [
      await pick('IncentiveDistributor.minComplianceBps'),
      await pick('IncentiveDistributor.bonusSlopeBps'),
      await pick('IncentiveDistributor.bonusCapBps'),
    ] as const;
    push(
      addresses.incentiveDistributor,
      encodeFunctionData({ abi: incentiveDistributorAbi, functionName: 'setPerformanceParams', args }),
      `IncentiveDistributor.setPerformanceParams(${args.join(', ')})`,
      performance.map((c) => c.parameter),
    );
  }
  const curve = single('IncentiveDistributor.setPriceCurve');
  if (curve) {
    const points = curve.value as PriceBreakpoint[];
    const x = points.map((p) => BigInt(p.stressBps));
    const y = points.map((p) => BigInt(p.factorBps));
    push(
      addresses.incentiveDistributor,
      encodeFunctionData({ abi: incentiveDistributorAbi, functionName: 'setPriceCurve', args: [x, y] }),
      `IncentiveDistributor.setPriceCurve([${x.join(', ')}], [${y.join(', ')}])`,
      [curve.parameter],
    );
  }
  const window = single('IncentiveDistributor.setDisputeWindow');
  if (window) {
    push(
      addresses.incentiveDistributor,
      encodeFunctionData({ abi: incentiveDistributorAbi, functionName: 'setDisputeWindow', args: [BigInt(window.value as number)] }),
      `IncentiveDistributor.setDisputeWindow(${window.value})`,
      [window.parameter],
    );
  }
  for (const c of bySetter.get('LoadForecast.setThresholds') ?? []) {
    const t = c.value as RegionThresholds;
    push(
      addresses.loadForecast,
      encodeFunctionData({ abi: loadForecastAbi, functionName: 'setThresholds', args: [t.region, t.stressKw, t.emergencyKw] }),
      `LoadForecast.setThresholds(${t.region}, ${t.stressKw}, ${t.emergencyKw})`,
      [c.parameter],
    );
  }
  const alpha = single('LoadForecast.setAccuracyAlpha');
  if (alpha) {
    push(addresses.loadForecast, encodeFunctionData({ abi: loadForecastAbi, functionName: 'setAccuracyAlpha', args: [alpha.value as number] }), `LoadForecast.setAccuracyAlpha(${alpha.value})`, [alpha.parameter]);
  }
  const lead = single('LoadForecast.setCommitLead');
  if (lead) {
    push(addresses.loadForecast, encodeFunctionData({ abi: loadForecastAbi, functionName: 'setCommitLead', args: [lead.value as number] }), `LoadForecast.setCommitLead(${lead.value})`, [lead.parameter]);
  }
  const utility = (setter: SetterName, encode: (v: unknown) => Hex) => {
    const c = single(setter);
    if (c) push(addresses.utilityRegistry, encode(c.value), `${setter}(${text(c.value)})`, [c.parameter]);
  };
  const u = utilityRegistryAbi;
  utility('UtilityRegistry.setRequiredApprovals', (v) => encodeFunctionData({ abi: u, functionName: 'setRequiredApprovals', args: [v as number] }));
  utility('UtilityRegistry.setMinBond', (v) => encodeFunctionData({ abi: u, functionName: 'setMinBond', args: [v as bigint] }));
  utility('UtilityRegistry.setRequiredFlags', (v) => encodeFunctionData({ abi: u, functionName: 'setRequiredFlags', args: [v as bigint] }));
  utility('UtilityRegistry.setApprovalPeriod', (v) => encodeFunctionData({ abi: u, functionName: 'setApprovalPeriod', args: [BigInt(v as number)] }));
  utility('UtilityRegistry.setRenewalReputationThreshold', (v) => encodeFunctionData({ abi: u, functionName: 'setRenewalReputationThreshold', args: [v as number] }));
  utility('UtilityRegistry.setReputationAlpha', (v) => encodeFunctionData({ abi: u, functionName: 'setReputationAlpha', args: [v as number] }));
  utility('UtilityRegistry.setInitialReputation', (v) => encodeFunctionData({ abi: u, functionName: 'setInitialReputation', args: [v as number] }));
  utility('UtilityRegistry.setRevokeSlash', (v) => encodeFunctionData({ abi: u, functionName: 'setRevokeSlash', args: [v as number] }));
  utility('UtilityRegistry.setBondUnlockDelay', (v) => encodeFunctionData({ abi: u, functionName: 'setBondUnlockDelay', args: [BigInt(v as number)] }));
  const consumer = (setter: SetterName, functionName: 'setReliabilityAlpha' | 'setInitialReliability') => {
    const c = single(setter);
    if (c) {
      push(addresses.consumerRegistry, encodeFunctionData({ abi: consumerRegistryAbi, functionName, args: [c.value as number] }), `${setter}(${text(c.value)})`, [c.parameter]);
    }
  };
  consumer('ConsumerRegistry.setReliabilityAlpha', 'setReliabilityAlpha');
  consumer('ConsumerRegistry.setInitialReliability', 'setInitialReliability');

  const signalOnly = actions.length === 0;
  if (signalOnly) {
    push(addresses.governor, encodeFunctionData({ abi: peaklabGovernorAbi, functionName: 'name' }), 'PeaklabGovernor.name() (signal: changes nothing on-chain)', []);
  }
  const expected = governed.map((c) => ({ parameter: c.parameter, value: c.value as GovernedValue }));
  return { actions, expected, signalOnly };
}
