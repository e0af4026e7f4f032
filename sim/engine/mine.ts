import type { Call, TxResult } from '../chain/index.ts';
import type { RunContext } from './runContext.ts';
import type { RunState } from './runState.ts';

export interface MineParameters {
  state: RunState;
  context: RunContext;
  calls: readonly Call[];
  /** Chain seconds the block is due at; a block never goes before the chain's last one (then it is stamped one second later). */
  timestamp: bigint;
}

/** Sends and mines calls (as many blocks as they need, from `timestamp`) and moves the run's chain clock. */
export async function mine({ state, context, calls, timestamp }: MineParameters): Promise<TxResult[]> {
  if (calls.length === 0) return [];
  state.chainNow = timestamp > state.chainNow ? timestamp : state.chainNow + 1n;
  const { results, blocks } = await context.engine.execute({ calls, timestamp: state.chainNow });
  state.chainNow += BigInt(blocks.length - 1);
  return results;
}

/** Adds transactions' gas to a `Contract.function` tally (an event's gas). */
export function addGas(results: readonly TxResult[], into: Map<string, { calls: number; gas: bigint }>): void {
  for (const r of results) {
    const key = `${r.tx.label.contract}.${r.tx.label.function}`;
    const entry = into.get(key) ?? { calls: 0, gas: 0n };
    entry.calls += 1;
    entry.gas += r.receipt.gasUsed;
    into.set(key, entry);
  }
}
