import { type Call, writeCall } from '../../chain/index.ts';
import type { EntitlementTreeResult } from '../../incentives/index.ts';
import { mine } from '../mine.ts';
import type { DayStep } from '../phase.ts';
import type { RunContext } from '../runContext.ts';
import { postedRootOf, type RunState } from '../runState.ts';
import { GAS } from '../gasLimits.ts';

/**
 * 00:30 — the oracle posts a cumulative Merkle root per program with newly settled events, at the program's
 * settlement cadence (daily; weekly: after the Sunday settled). Claims against it open after the dispute window.
 */
export async function postRoots(state: RunState, context: RunContext, step: DayStep): Promise<void> {
  const settled = context.inputs.days[state.yesterday!.dayIndex]!;
  if (context.scenario.program.settlement.cadence === 'weekly' && settled.weekday !== 0) return;
  await postPendingRoots(state, context, step.timestamp);
}

/** After the last day — every program with settled events gets its final root, whatever the cadence. */
export async function postFinalRoots(state: RunState, context: RunContext, step: DayStep): Promise<void> {
  await postPendingRoots(state, context, step.timestamp);
}

async function postPendingRoots(state: RunState, context: RunContext, timestamp: bigint): Promise<void> {
  const c = context.system.contracts;
  const calls: Call[] = [];
  const trees: { k: number; tree: EntitlementTreeResult; eventIds: bigint[] }[] = [];
  for (let k = 0; k < context.shape.U; k++) {
    const key = context.programKey(k);
    if (state.oracleLedger.pendingEvents(key).length === 0) continue;
    const next = state.oracleLedger.nextRoot(key);
    trees.push({ k, tree: next, eventIds: next.eventIds });
    const gas = GAS.batchBase + 60_000n * BigInt(next.eventIds.length) + GAS.admin;
    calls.push(writeCall({ account: context.actors.oracle, contract: c.incentiveDistributor, functionName: 'postRoot', args: [key.utility, key.token, next.root, next.total, next.eventIds], gas }));
  }
  if (calls.length === 0) return;
  await mine({ state, context, calls, timestamp });
  const window = await c.incentiveDistributor.read.disputeWindow();
  for (const { k, tree, eventIds } of trees) {
    state.oracleLedger.markPosted({ ...context.programKey(k), eventIds });
    state.mirror.markPosted({ ...context.programKey(k), eventIds });
    context.treeOf(tree);
    state.posted[k]!.push(postedRootOf(tree, state.chainNow + window));
  }
}
