import { incentiveDistributorAbi } from '../chain/index.ts';
import { ethCalls } from './ethCalls.ts';
import type { RunContext } from './runContext.ts';
import type { ChainEvent, RunState } from './runState.ts';

export interface OraclePayoutsParameters {
  e: ChainEvent;
  delivered: readonly bigint[];
  committedWh: readonly bigint[];
}

/**
 * The oracle's payout per committed consumer, quoted by the on-chain reference `IncentiveDistributor.quotePayout`
 * (a consumer that delivered nothing is owed nothing: the rule multiplies by deliveredWh, so it is not quoted).
 * The test fault `oraclePayoutDelta` adds units to one consumer's first positive payout.
 */
export async function oraclePayouts(state: RunState, context: RunContext, { e, delivered, committedWh }: OraclePayoutsParameters): Promise<bigint[]> {
  const quotedIndex = e.committed.map((_, j) => j).filter((j) => delivered[j]! > 0n);
  const quoted = await ethCalls({
    engine: context.engine,
    abi: incentiveDistributorAbi,
    address: context.system.addresses.incentiveDistributor,
    functionName: 'quotePayout',
    args: quotedIndex.map((j) => [e.eventId, delivered[j]!, committedWh[j]!]),
    doing: `quoting event ${e.eventId}'s payouts`,
  });
  const pay = e.committed.map(() => 0n);
  quotedIndex.forEach((j, q) => (pay[j] = quoted[q] as bigint));
  const fault = context.faults?.oraclePayoutDelta;
  if (fault !== undefined && state.faultPending) {
    const j = e.committed.indexOf(fault.consumer);
    if (j >= 0 && pay[j]! > 0n) {
      pay[j] = pay[j]! + fault.units;
      state.faultPending = false;
    }
  }
  return pay;
}
