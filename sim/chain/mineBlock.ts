import { formatTransactionReceipt, type Hash, type Hex, numberToHex, type RpcTransactionReceipt, type TransactionReceipt } from 'viem';
import { ChainError } from '../errors.ts';
import { callKey } from './contractRegistry.ts';
import { describeRevert } from './describeRevert.ts';
import { hexByteCounts } from './hexByteCounts.ts';
import type { PreparedTx, TxResult } from './preparedTx.ts';
import { readRevertFrames } from './readRevertFrames.ts';
import type { TxRevertError } from './txRevertError.ts';
import { batchOf, callOf, type TxEngineContext } from './txEngineContext.ts';

export interface MineResult {
  block: bigint;
  timestamp: bigint;
  /** Our transactions in this block, in block order. */
  results: TxResult[];
  /** Our transactions sent but still not mined (the block was full). */
  pending: number;
}

/** A transaction of ours and its receipt. */
interface Mined {
  tx: PreparedTx;
  receipt: TransactionReceipt;
}

/** Mines one block at `timestamp` (which must not go back). */
async function mineAt(context: TxEngineContext, timestamp: bigint): Promise<void> {
  const doing = `mining a block at timestamp ${timestamp}`;
  const [set] = await batchOf(context, [{ method: 'evm_setNextBlockTimestamp', params: [numberToHex(timestamp)] }], doing);
  if (!set.ok) {
    throw new ChainError(`Cannot mine a block at timestamp ${timestamp}: ${set.error.message}`, {
      details: `rpc: ${context.rpcUrl}; evm_setNextBlockTimestamp`,
      hint: 'Block timestamps come from the simulation clock and must never go back (equal timestamps are allowed).',
    });
  }
  await callOf(context, 'evm_mine', [], doing);
}

/** The latest block's number and receipts; it must carry the timestamp just mined at (nobody else mines). */
async function readMinedBlock(
  context: TxEngineContext,
  timestamp: bigint,
): Promise<{ blockNumber: bigint; blockTimestamp: bigint; receipts: RpcTransactionReceipt[] }> {
  const [blockOutcome, receiptsOutcome] = await batchOf(
    context,
    [
      { method: 'eth_getBlockByNumber', params: ['latest', false] },
      { method: 'eth_getBlockReceipts', params: ['latest'] },
    ],
    `reading the receipts of the block mined at ${timestamp}`,
  );
  if (!blockOutcome.ok || !receiptsOutcome.ok) {
    const message = !blockOutcome.ok ? blockOutcome.error.message : !receiptsOutcome.ok ? receiptsOutcome.error.message : '';
    throw new ChainError(`Could not read the mined block's receipts: ${message}`, {
      details: `rpc: ${context.rpcUrl}; eth_getBlockByNumber / eth_getBlockReceipts`,
      hint: 'The node must support eth_getBlockReceipts (anvil does).',
    });
  }
  const block = blockOutcome.result as { number: Hex; timestamp: Hex };
  const blockNumber = BigInt(block.number);
  const blockTimestamp = BigInt(block.timestamp);
  if (blockTimestamp !== timestamp) {
    throw new ChainError(`Block ${blockNumber} has timestamp ${blockTimestamp}, not the requested ${timestamp}`, {
      details: `rpc: ${context.rpcUrl}`,
      hint: 'Another client mined on this node meanwhile; use a node only this run mines on.',
    });
  }
  return { blockNumber, blockTimestamp, receipts: receiptsOutcome.result as RpcTransactionReceipt[] };
}

/** Our transactions among a block's receipts (in block order), no longer pending. */
function takeOurs(context: TxEngineContext, receipts: readonly RpcTransactionReceipt[]): Mined[] {
  const { pending } = context.state;
  const ours: Mined[] = [];
  for (const raw of receipts) {
    const tx = pending.get(raw.transactionHash);
    if (tx === undefined) continue;
    pending.delete(tx.hash);
    ours.push({ tx, receipt: formatTransactionReceipt(raw) });
  }
  return ours;
}

/** A block keeps our transactions in the order the node accepted them (else gas and results are not reproducible). */
function checkSentOrder(context: TxEngineContext, blockNumber: bigint, ours: readonly Mined[]): void {
  const { sequence } = context.state;
  for (let i = 1; i < ours.length; i += 1) {
    if ((sequence.get(ours[i - 1].tx.hash) ?? 0) > (sequence.get(ours[i].tx.hash) ?? 0)) {
      throw new ChainError(`Block ${blockNumber} holds our transactions out of the order they were sent`, {
        details: `rpc: ${context.rpcUrl}; ${ours[i].tx.hash} (${callKey(ours[i].tx.label)}) before ${ours[i - 1].tx.hash}`,
        hint: 'Gas and results would not be reproducible. Run anvil with --order fifo and send at most 64 raw transactions per batch (sendBatchSize).',
      });
    }
  }
}

/** The decoded revert of each of our failed transactions in the block, by hash. */
async function revertErrorsOf(context: TxEngineContext, blockNumber: bigint, ours: readonly Mined[]): Promise<Map<Hash, TxRevertError>> {
  const failed = ours.filter(({ receipt }) => receipt.status !== 'success');
  const frames = await readRevertFrames(context, failed.map(({ tx }) => tx.hash));
  const errors = new Map<Hash, TxRevertError>();
  failed.forEach(({ tx, receipt }, i) => {
    errors.set(
      tx.hash,
      describeRevert({
        what: 'reverted:',
        label: tx.label,
        site: { to: tx.to, from: tx.from, hash: tx.hash, block: blockNumber, gas: tx.gas, gasUsed: receipt.gasUsed },
        data: frames[i].output,
        nodeError: frames[i].error,
        errors: context.registry.errorsAbi(),
        rpcUrl: context.rpcUrl,
      }),
    );
  });
  return errors;
}

/** Mines one block at `timestamp` and returns our transactions in it, each accounted in the gas ledger. */
export async function mineBlock(context: TxEngineContext, { timestamp }: { timestamp: bigint }): Promise<MineResult> {
  await mineAt(context, timestamp);
  const { blockNumber, blockTimestamp, receipts } = await readMinedBlock(context, timestamp);
  const ours = takeOurs(context, receipts);
  checkSentOrder(context, blockNumber, ours);
  for (const { tx } of ours) context.state.sequence.delete(tx.hash);
  const errors = await revertErrorsOf(context, blockNumber, ours);
  const results: TxResult[] = ours.map(({ tx, receipt }) => {
    const signed = hexByteCounts({ hex: tx.raw });
    context.ledger.record({
      block: blockNumber,
      timestamp: blockTimestamp,
      index: receipt.transactionIndex,
      contract: tx.label.contract,
      function: tx.label.function,
      txHash: tx.hash,
      from: tx.from,
      gasUsed: receipt.gasUsed,
      effectiveGasPrice: receipt.effectiveGasPrice,
      status: receipt.status === 'success' ? 'success' : 'reverted',
      inputBytes: hexByteCounts({ hex: tx.data }).bytes,
      txBytes: signed.bytes,
      txZeroBytes: signed.zeroBytes,
    });
    const status = receipt.status === 'success' ? 'success' : 'reverted';
    return { tx, receipt, status, error: errors.get(tx.hash) };
  });
  return { block: blockNumber, timestamp: blockTimestamp, results, pending: context.state.pending.size };
}
