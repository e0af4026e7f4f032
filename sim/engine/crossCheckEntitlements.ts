import { consumerRegistryAbi, incentiveDistributorAbi } from '../chain/index.ts';
import { ChainError, PayoutRuleError } from '../errors.ts';
import { crossCheck } from '../incentives/index.ts';
import { ethCalls } from './ethCalls.ts';
import type { RunContext } from './runContext.ts';
import type { RunState } from './runState.ts';

export interface CrossCheckEntitlementsResult {
  /** Per consumer: the mirror's entitlement, what the chain says was claimed, and the registry's reliability (bps). */
  entitlement: bigint[];
  claimed: bigint[];
  reliabilityBps: number[];
  consumersChecked: number;
}

/**
 * The end-of-run check: every consumer's on-chain claimed + claimable (against the latest root) must equal the
 * TypeScript mirror's entitlement to the unit, or the run fails with a PayoutRuleError and nothing is written.
 */
export async function crossCheckEntitlements(state: RunState, context: RunContext): Promise<CrossCheckEntitlementsResult> {
  const { actors, engine, system } = context;
  const { n, U } = context.shape;
  const keyOf = (i: number) => context.programKey(i % U);
  const claimed = (await ethCalls({
    engine,
    abi: incentiveDistributorAbi,
    address: system.addresses.incentiveDistributor,
    functionName: 'claimedOf',
    args: actors.consumers.map((a, i) => [keyOf(i).utility, keyOf(i).token, a.address]),
    doing: 'reading every consumer’s claimed amount',
  })) as bigint[];
  const onChain: { account: string; amount: bigint }[] = [];
  for (let u = 0; u < U; u++) {
    const leaves = new Map((await latestRootLeaves(state, context, u)).map((l) => [l.account, l.cumulative]));
    for (let i = u; i < n; i += U) {
      const account = actors.consumers[i]!.address;
      const leaf = leaves.get(account) ?? 0n;
      onChain.push({ account, amount: claimed[i]! + (leaf > claimed[i]! ? leaf - claimed[i]! : 0n) });
    }
  }
  const expected = actors.consumers.map((a, i) => ({ account: a.address, amount: state.mirror.cumulativeOf({ ...keyOf(i), account: a.address }) }));
  const check = crossCheck({ expected, onChain });
  if (check.mismatches.length > 0) {
    throw new PayoutRuleError(`Cross-check failed: ${check.mismatches.length} of ${n} consumers' on-chain entitlement (claimed + claimable) differs from the TypeScript payout mirror`, {
      details: check.mismatches
        .slice(0, 5)
        .map((m) => `${m.account}: mirror ${m.expected}, chain ${m.onChain} (${m.onChain > m.expected ? '+' : ''}${m.onChain - m.expected})`)
        .join('; '),
      hint: 'The oracle posted a root that does not follow the payout rule (or the rule changed on chain); no results were written.',
    });
  }
  const reliabilityBps = (await ethCalls({
    engine,
    abi: consumerRegistryAbi,
    address: system.addresses.consumerRegistry,
    functionName: 'reliabilityOf',
    args: actors.consumers.map((a) => [a.address]),
    doing: 'reading every consumer’s reliability',
  })) as number[];
  return { entitlement: expected.map((e) => e.amount), claimed, reliabilityBps, consumersChecked: check.consumersChecked };
}

/** The leaves of program `u`'s latest root, after checking that the chain's latest root is the oracle's. */
async function latestRootLeaves(state: RunState, context: RunContext, u: number): Promise<{ account: string; cumulative: bigint }[]> {
  const distributor = context.system.contracts.incentiveDistributor;
  const key = context.programKey(u);
  const last = state.posted[u]!.at(-1);
  const ids = await distributor.read.rootsOf([key.utility, key.token]);
  if (last === undefined) return [];
  const root = await distributor.read.rootOf([ids[ids.length - 1]!]);
  if (root.merkleRoot !== last.root) {
    throw new ChainError(`The latest on-chain root of program ${u} is not the oracle's`, { details: `chain ${root.merkleRoot}, oracle ${last.root}`, hint: 'Another client posted roots on this node.' });
  }
  return last.leaves;
}
