import type { Address, Hex } from 'viem';
import { counterUniform } from '../../agents/index.ts';
import { writeCall } from '../../chain/index.ts';
import type { DayStep } from '../phase.ts';
import type { RunContext } from '../runContext.ts';
import type { PostedRoot, RunState } from '../runState.ts';
import { CLAIM_BATCH } from '../schedule.ts';
import { GAS } from '../gasLimits.ts';

/**
 * 10:00 — consumers claim on their own schedule (a daily draw against program.claims.probabilityPerDay) what the
 * latest claimable root owes them beyond what they claimed, when it reaches the minimum; the relayer batches the
 * claims (claimBatch) into the day's routine block.
 */
export function queueClaims(state: RunState, context: RunContext, step: DayStep): void {
  const { n, U } = context.shape;
  const program = context.scenario.program;
  for (let u = 0; u < U; u++) {
    let root: PostedRoot | undefined;
    for (const r of state.posted[u]!) if (r.claimableAt <= step.timestamp) root = r;
    if (root === undefined) continue;
    const tree = context.treeOf(root);
    const minimum = context.minClaim[context.utilityTokens[u]!];
    const leaves = new Map(root.leaves.map((l) => [l.account, l.cumulative]));
    const batch: { account: Address; cumulative: bigint; proof: Hex[] }[] = [];
    for (let i = u; i < n; i += U) {
      const account = context.actors.consumers[i]!.address;
      const cumulative = leaves.get(account);
      if (cumulative === undefined || cumulative - state.claimed[i]! < minimum || cumulative <= state.claimed[i]!) continue;
      if (!(counterUniform(context.claimKey[i]!, step.epochDay, 0) < program.claims.probabilityPerDay)) continue;
      batch.push({ account, cumulative, proof: tree.proofFor(account) });
      state.claimed[i] = cumulative;
    }
    const key = context.programKey(u);
    for (let from = 0; from < batch.length; from += CLAIM_BATCH) {
      const chunk = batch.slice(from, from + CLAIM_BATCH);
      const gas = GAS.batchBase + 150_000n * BigInt(chunk.length);
      step.work.routine.push(writeCall({ account: context.actors.relayer, contract: context.system.contracts.incentiveDistributor, functionName: 'claimBatch', args: [key.utility, key.token, chunk], gas }));
    }
  }
}
