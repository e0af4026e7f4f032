import { type Address, createPublicClient, getAddress, http, type PublicClient } from 'viem';
import type { ChainNode } from './chainNode.ts';
import { type ContractRegistry, createContractRegistry } from './contractRegistry.ts';
import { createGasLedger, type GasLedger } from './gasLedger.ts';
import { loadNonces } from './loadNonces.ts';
import { type MineResult, mineBlock } from './mineBlock.ts';
import type { PreparedTx } from './preparedTx.ts';
import { prepareTxs } from './prepareTxs.ts';
import { sendTxs } from './sendTxs.ts';
import { type ExecuteParameters, type ExecuteResult, type SettleParameters, settleTxs } from './settleTxs.ts';
import { createTxEngineState, type TxEngineContext, type TxFees } from './txEngineContext.ts';
import type { Call } from './writeCall.ts';

export interface CreateTxEngineParameters {
  node: ChainNode;
  fees: TxFees;
  /** Names contracts and decodes errors (default: one pre-loaded with the generated artifacts). */
  registry?: ContractRegistry;
  /** Where mined transactions are accounted (default: a new ledger). */
  ledger?: GasLedger;
  /** Fixed gas limits by `Contract.function` (e.g. `{ 'GridToken.transfer': 60_000n }`). */
  gasLimits?: Readonly<Record<string, bigint>>;
  /** How a call without a gas limit (neither its own `gas` nor `gasLimits`) gets one: 'first-estimate'
   *  (default) estimates the first call of each `Contract.function` and reuses that limit for later calls;
   *  'estimate' estimates every call. Use 'estimate' (or a fixed limit) for functions whose gas grows with
   *  their arguments (batches). */
  gasPolicy?: 'first-estimate' | 'estimate';
  /** Gas limit from an estimate = estimate × estimateMarginBps / 10000 + estimateHeadroom. The defaults
   *  (×1.3 + 30,000) cover a later call of the same function writing one more fresh storage slot (≈22,100 gas)
   *  than the estimated one. Unused gas is not charged: a generous limit costs nothing. */
  estimateMarginBps?: bigint;
  estimateHeadroom?: bigint;
  /** JSON-RPC calls per HTTP request for reads, estimates and traces (default 1000). */
  batchSize?: number;
  /** Raw transactions per HTTP request (default 32). Anvil handles up to 64 calls of a batch in order and
   *  interleaves larger batches, which would scramble the order transactions enter the block. */
  sendBatchSize?: number;
  /** Most transactions `execute` puts into one block (default 256); a step's calls then take several blocks at
   *  the same timestamp. Anvil answers eth_getBlockReceipts in time quadratic in the block size. */
  maxTxsPerBlock?: number;
}

/**
 * The fast path to the chain: transactions are signed locally with explicit nonces, gas limits and fixed fees,
 * sent as batched `eth_sendRawTransaction`, mined explicitly at a timestamp the simulation clock chooses
 * (`evm_setNextBlockTimestamp` + `evm_mine`), and their receipts collected per block in one call. Reverts are
 * decoded into ChainErrors naming the custom error; every receipt lands in the gas ledger.
 * The engine owns the nonces of the accounts it signs for: use one engine per run (per node), and do not send
 * from those accounts by other means meanwhile.
 */
export interface TxEngine {
  readonly node: ChainNode;
  readonly registry: ContractRegistry;
  readonly ledger: GasLedger;
  /** viem public client (batched HTTP) for reads and contract handles. */
  readonly client: PublicClient;
  /** Assigns nonces and gas limits and signs; nothing is sent. */
  prepare(parameters: { calls: readonly Call[] }): Promise<{ txs: PreparedTx[] }>;
  /** Sends signed transactions in batches; they wait in the pool until `mine`. */
  send(parameters: { txs: readonly PreparedTx[] }): Promise<void>;
  /** Mines one block at `timestamp` and returns our transactions in it (accounted in the ledger). */
  mine(parameters: { timestamp: bigint }): Promise<MineResult>;
  /** Sends and mines prepared transactions in blocks of at most maxTxsPerBlock at the same timestamp. */
  settle(parameters: SettleParameters): Promise<ExecuteResult>;
  /** prepare + settle. */
  execute(parameters: ExecuteParameters): Promise<ExecuteResult>;
  /** The next nonce this engine will use for `address` (fetched from the node on first use). */
  nextNonce(parameters: { address: Address }): Promise<number>;
}

/** A transaction engine on `node`: its settings and state (TxEngineContext), and the steps as methods. */
export function createTxEngine({
  node,
  fees,
  registry = createContractRegistry(),
  ledger = createGasLedger(),
  gasLimits = {},
  gasPolicy = 'first-estimate',
  estimateMarginBps = 13_000n,
  estimateHeadroom = 30_000n,
  batchSize = 1000,
  sendBatchSize = 32,
  maxTxsPerBlock = 256,
}: CreateTxEngineParameters): TxEngine {
  const context: TxEngineContext = {
    rpcUrl: node.rpcUrl,
    chainId: node.chainId,
    diagnose: node.diagnose,
    fees,
    registry,
    ledger,
    gasLimits,
    gasPolicy,
    estimateMarginBps,
    estimateHeadroom,
    batchSize,
    sendBatchSize,
    maxTxsPerBlock,
    state: createTxEngineState(),
  };
  const client = createPublicClient({ transport: http(node.rpcUrl, { batch: { batchSize } }) }) as PublicClient;
  const prepare: TxEngine['prepare'] = (parameters) => prepareTxs(context, parameters);
  const settle: TxEngine['settle'] = (parameters) => settleTxs(context, parameters);
  return {
    node,
    registry,
    ledger,
    client,
    prepare,
    send: (parameters) => sendTxs(context, parameters),
    mine: (parameters) => mineBlock(context, parameters),
    settle,
    // Signing everything first and then settling was as fast as signing block i + 1 while the node mined block i
    // (measured on the shared 2-core machine, where neither process had a core to spare), and simpler.
    async execute({ calls, timestamp, onRevert }) {
      const { txs } = await prepare({ calls });
      return settle({ txs, timestamp, onRevert });
    },
    async nextNonce({ address }) {
      const checksummed = getAddress(address);
      await loadNonces(context, [checksummed]);
      return context.state.nonces.get(checksummed) ?? 0;
    },
  };
}
