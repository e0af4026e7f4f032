import type { Hash } from 'viem';
import { ChainError } from '../errors.ts';
import { mineBlock } from './mineBlock.ts';
import type { PreparedTx, TxResult } from './preparedTx.ts';
import { sendTxs } from './sendTxs.ts';
import type { TxEngineContext } from './txEngineContext.ts';
import type { Call } from './writeCall.ts';

export interface ExecuteParameters {
  calls: readonly Call[];
  /** Timestamp of the blocks that mine them (unix seconds, from the simulation clock). The calls are mined in
   *  blocks of at most `maxTxsPerBlock`, all at this timestamp (and in call order). */
  timestamp: bigint;
  /** 'throw' (default): after mining and accounting everything, throw the first revert's ChainError.
   *  'return': return reverted results with their `error`. */
  onRevert?: 'throw' | 'return';
}

export interface SettleParameters extends Omit<ExecuteParameters, 'calls'> {
  txs: readonly PreparedTx[];
}

export interface ExecuteResult {
  /** One result per call, in call order. */
  results: TxResult[];
  /** Blocks mined. */
  blocks: bigint[];
}

/** Blocks mined for one chunk beyond the first before its missing transactions count as lost. */
const MAX_EXTRA_BLOCKS = 64;

/** Sends one block's worth of transactions and mines until all of them are in (same timestamp). */
async function settleChunk(
  context: TxEngineContext,
  chunk: readonly PreparedTx[],
  timestamp: bigint,
  into: Map<Hash, TxResult>,
  blocks: bigint[],
): Promise<void> {
  await sendTxs(context, { txs: chunk });
  const wanted = new Set(chunk.map((tx) => tx.hash));
  for (let k = 0; wanted.size > 0; k += 1) {
    if (k > MAX_EXTRA_BLOCKS) {
      throw new ChainError(`${wanted.size} transactions were still not mined after ${k} blocks`, {
        details: `rpc: ${context.rpcUrl}; first: ${[...wanted][0]}`,
        hint: 'A sender may have a nonce gap (a transaction refused earlier); restart the run.',
      });
    }
    const mined = await mineBlock(context, { timestamp });
    blocks.push(mined.block);
    for (const result of mined.results) {
      if (wanted.delete(result.tx.hash)) into.set(result.tx.hash, result);
    }
  }
}

/** The results in the order of `txs`; under 'throw', the first revert is thrown (everything is mined by then). */
function inTxOrder(txs: readonly PreparedTx[], byHash: Map<Hash, TxResult>, blocks: bigint[], onRevert: 'throw' | 'return'): ExecuteResult {
  const results = txs.map((tx) => byHash.get(tx.hash) as TxResult);
  if (onRevert === 'throw') {
    const reverted = results.find((result) => result.error !== undefined);
    if (reverted?.error) throw reverted.error;
  }
  return { results, blocks };
}

/**
 * Sends and mines prepared transactions in blocks of at most maxTxsPerBlock, all at `timestamp`: anvil builds a
 * block's receipts in time quadratic in its size (≈15 s for 5,000), so many small blocks are far faster than one
 * big one.
 */
export async function settleTxs(context: TxEngineContext, { txs, timestamp, onRevert = 'throw' }: SettleParameters): Promise<ExecuteResult> {
  const byHash = new Map<Hash, TxResult>();
  const blocks: bigint[] = [];
  for (let start = 0; start < txs.length; start += context.maxTxsPerBlock) {
    await settleChunk(context, txs.slice(start, start + context.maxTxsPerBlock), timestamp, byHash, blocks);
  }
  return inTxOrder(txs, byHash, blocks, onRevert);
}
