import { ChainError } from '../errors.ts';
import { callKey } from './contractRegistry.ts';
import type { PreparedTx } from './preparedTx.ts';
import { rpcBatch } from './rpcBatch.ts';
import type { TxEngineContext } from './txEngineContext.ts';

/**
 * Sends signed transactions as `eth_sendRawTransaction` in batches of `sendBatchSize`; accepted ones wait in the
 * pool until mined, numbered in the order the node accepted them. A refused transaction's sender has its nonce
 * re-read from the node next time, and the refusals are thrown together once the whole batch is sent.
 */
export async function sendTxs(context: TxEngineContext, { txs }: { txs: readonly PreparedTx[] }): Promise<void> {
  const { state } = context;
  const { outcomes } = await rpcBatch({
    rpcUrl: context.rpcUrl,
    requests: txs.map((tx) => ({ method: 'eth_sendRawTransaction', params: [tx.raw] })),
    doing: `sending ${txs.length} signed transactions`,
    batchSize: context.sendBatchSize,
    diagnose: context.diagnose,
  });
  const failures: string[] = [];
  outcomes.forEach((outcome, i) => {
    const tx = txs[i];
    if (outcome.ok) {
      state.pending.set(tx.hash, tx);
      state.sequence.set(tx.hash, state.nextSequence);
      state.nextSequence += 1;
    } else {
      state.nonces.delete(tx.from);
      failures.push(`${callKey(tx.label)} from ${tx.from} nonce ${tx.nonce}: ${outcome.error.message}`);
    }
  });
  if (failures.length > 0) {
    throw new ChainError(`The node refused ${failures.length} of ${txs.length} transactions`, {
      details: `rpc: ${context.rpcUrl}; ${failures.slice(0, 5).join('; ')}${failures.length > 5 ? '; …' : ''}`,
      hint:
        'Usually an unfunded sender (fund it first), a nonce already used outside this engine, or a gas limit ' +
        'above the block gas limit.',
    });
  }
}
