import type { Address, Hash, Hex, TransactionReceipt } from 'viem';
import type { CallLabel } from './contractRegistry.ts';
import type { TxRevertError } from './txRevertError.ts';

/** A signed transaction, ready to send. */
export interface PreparedTx {
  hash: Hash;
  raw: Hex;
  from: Address;
  nonce: number;
  to: Address | null;
  data: Hex;
  value: bigint;
  gas: bigint;
  label: CallLabel;
  /** For a deployment: the address the contract will have. */
  contractAddress: Address | undefined;
}

/** A mined transaction of ours. */
export interface TxResult {
  tx: PreparedTx;
  receipt: TransactionReceipt;
  status: 'success' | 'reverted';
  /** For a reverted transaction: the decoded custom error (a ChainError). */
  error: TxRevertError | undefined;
}
