import type { Address, Hash } from 'viem';
import type { ContractRegistry } from './contractRegistry.ts';
import type { GasLedger } from './gasLedger.ts';
import type { PreparedTx } from './preparedTx.ts';
import { type RpcOutcome, type RpcRequest, rpcBatch, rpcCall } from './rpcBatch.ts';

/** EIP-1559 fees every transaction is signed with (fixed from the scenario, never queried). */
export interface TxFees {
  maxFeePerGas: bigint;
  maxPriorityFeePerGas: bigint;
}

/** What a tx engine remembers between calls; only the engine's steps change it. */
export interface TxEngineState {
  /** The next nonce of each sender (read from the node on first use, forgotten when a reserved nonce goes unused). */
  readonly nonces: Map<Address, number>;
  /** The gas limit from the first estimate of each `Contract.function` (gas policy 'first-estimate'). */
  readonly firstEstimates: Map<string, bigint>;
  /** Sent and not yet mined. */
  readonly pending: Map<Hash, PreparedTx>;
  /** The order in which the node accepted our pending transactions, to check that blocks keep it. */
  readonly sequence: Map<Hash, number>;
  /** The sequence number of the next accepted transaction. */
  nextSequence: number;
}

/** One tx engine: its node, settings (defaults filled in; see CreateTxEngineParameters) and state. */
export interface TxEngineContext {
  readonly rpcUrl: string;
  readonly chainId: number;
  readonly diagnose: () => string | undefined;
  readonly fees: TxFees;
  readonly registry: ContractRegistry;
  readonly ledger: GasLedger;
  readonly gasLimits: Readonly<Record<string, bigint>>;
  readonly gasPolicy: 'first-estimate' | 'estimate';
  readonly estimateMarginBps: bigint;
  readonly estimateHeadroom: bigint;
  readonly batchSize: number;
  readonly sendBatchSize: number;
  readonly maxTxsPerBlock: number;
  readonly state: TxEngineState;
}

/** A fresh engine state: no nonces known, nothing estimated, sent or pending. */
export function createTxEngineState(): TxEngineState {
  return { nonces: new Map(), firstEstimates: new Map(), pending: new Map(), sequence: new Map(), nextSequence: 0 };
}

/** Reads, estimates and traces: JSON-RPC calls in batches of `batchSize`. */
export const batchOf = (context: TxEngineContext, requests: RpcRequest[], doing: string): Promise<RpcOutcome[]> =>
  rpcBatch({ rpcUrl: context.rpcUrl, requests, doing, batchSize: context.batchSize, diagnose: context.diagnose }).then((r) => r.outcomes);

/** One JSON-RPC call. */
export const callOf = <T>(context: TxEngineContext, method: string, params: readonly unknown[], doing: string): Promise<T> =>
  rpcCall<T>({ rpcUrl: context.rpcUrl, method, params, doing, diagnose: context.diagnose });
