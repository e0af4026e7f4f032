import type { Call, TxEngine, TxResult } from '../chain/index.ts';
import { ChainError } from '../errors.ts';

export interface ExecutePipelinedParameters {
  engine: TxEngine;
  calls: readonly Call[];
  /** Timestamp of the (first) block that mines them; further blocks follow at +1 s. */
  timestamp: bigint;
  /** Transactions signed per chunk (default 2000). */
  chunk?: number;
}

export interface ExecutePipelinedResult {
  results: TxResult[];
  blocks: bigint[];
}

/**
 * Many transactions of independent senders (each consumer's own) in as few blocks as the gas limit allows, with
 * signing and sending overlapped: chunk k+1 is signed while chunk k travels to the node, which validates it in
 * its own process. Same order and the same blocks as one `engine.execute`; reverts throw after mining.
 */
export async function executePipelined({ engine, calls, timestamp, chunk = 2000 }: ExecutePipelinedParameters): Promise<ExecutePipelinedResult> {
  const wanted = new Set<string>();
  let prepared = calls.length > 0 ? (await engine.prepare({ calls: calls.slice(0, chunk) })).txs : [];
  for (let from = 0; from < calls.length; from += chunk) {
    for (const tx of prepared) wanted.add(tx.hash);
    const sending = engine.send({ txs: prepared });
    const next = from + chunk < calls.length ? engine.prepare({ calls: calls.slice(from + chunk, from + 2 * chunk) }) : Promise.resolve({ txs: [] });
    const [, { txs }] = await Promise.all([sending, next]);
    prepared = txs;
  }
  const results: TxResult[] = [];
  const blocks: bigint[] = [];
  for (let k = 0n; wanted.size > 0; k += 1n) {
    if (k > 64n) throw new ChainError(`${wanted.size} transactions were still not mined after ${k} blocks`, { hint: 'A sender may have a nonce gap; restart the run.' });
    const mined = await engine.mine({ timestamp: timestamp + k });
    blocks.push(mined.block);
    for (const r of mined.results) if (wanted.delete(r.tx.hash)) results.push(r);
  }
  const reverted = results.find((r) => r.error !== undefined);
  if (reverted?.error) throw reverted.error;
  return { results, blocks };
}
