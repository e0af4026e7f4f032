import {
  type Address,
  createPublicClient,
  formatTransactionReceipt,
  getAddress,
  getContractAddress,
  type Hash,
  type Hex,
  http,
  keccak256,
  numberToHex,
  type PublicClient,
  type RpcTransactionReceipt,
  type TransactionReceipt,
} from 'viem';
import { ChainError } from '../errors.ts';
import type { ChainNode } from './chainNode.ts';
import { type CallLabel, type ContractRegistry, createContractRegistry } from './contractRegistry.ts';
import { decodeRevert } from './decodeRevert.ts';
import { createGasLedger, type GasLedger } from './gasLedger.ts';
import { type RpcOutcome, rpcBatch, rpcCall } from './rpcBatch.ts';
import { TxRevertError } from './txRevertError.ts';
import type { Call } from './writeCall.ts';

/** EIP-1559 fees every transaction is signed with (fixed from the scenario, never queried). */
export interface TxFees {
  maxFeePerGas: bigint;
  maxPriorityFeePerGas: bigint;
}

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

export interface MineResult {
  block: bigint;
  timestamp: bigint;
  /** Our transactions in this block, in block order. */
  results: TxResult[];
  /** Our transactions sent but still not mined (the block was full). */
  pending: number;
}

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

const MAX_EXTRA_BLOCKS = 64;

interface Planned {
  call: Call;
  label: CallLabel;
  nonce: number;
  gas: bigint;
}

const keyOf = (label: CallLabel): string => `${label.contract}.${label.function}`;

/** A transaction engine on `node`. */
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
  const { rpcUrl, chainId } = node;
  const diagnose = node.diagnose;
  const nonces = new Map<Address, number>();
  const firstEstimates = new Map<string, bigint>();
  const pending = new Map<Hash, PreparedTx>();
  // order in which the node accepted our transactions, to check that blocks keep it
  const sequence = new Map<Hash, number>();
  let nextSequence = 0;
  const client = createPublicClient({ transport: http(rpcUrl, { batch: { batchSize } }) }) as PublicClient;

  const batch = (requests: { method: string; params?: readonly unknown[] }[], doing: string) =>
    rpcBatch({ rpcUrl, requests, doing, batchSize, diagnose }).then((r) => r.outcomes);
  const call = <T>(method: string, params: readonly unknown[], doing: string) =>
    rpcCall<T>({ rpcUrl, method, params, doing, diagnose });

  const loadNonces = async (addresses: readonly Address[]): Promise<void> => {
    const missing = [...new Set(addresses)].filter((address) => !nonces.has(address));
    if (missing.length === 0) return;
    const outcomes = await batch(
      missing.map((address) => ({ method: 'eth_getTransactionCount', params: [address, 'pending'] })),
      `reading the nonces of ${missing.length} accounts`,
    );
    outcomes.forEach((outcome, i) => {
      if (!outcome.ok) {
        throw new ChainError(`Could not read the nonce of ${missing[i]}`, {
          details: `rpc: ${rpcUrl}; ${outcome.error.message}`,
          hint: 'See the node error above.',
        });
      }
      nonces.set(missing[i], Number(outcome.result as string));
    });
  };

  const revertError = (
    what: string,
    label: CallLabel,
    context: { to: Address | null; from: Address; hash?: Hash; block?: bigint; gas?: bigint; gasUsed?: bigint },
    data: Hex | undefined,
    traceError?: string,
  ): TxRevertError => {
    const decoded = decodeRevert({ data, errors: registry.errorsAbi() });
    const outOfGas =
      (traceError !== undefined && /out of gas|OutOfGas/i.test(traceError)) ||
      (context.gas !== undefined && context.gasUsed !== undefined && context.gasUsed >= context.gas);
    const reason = outOfGas ? `ran out of gas (limit ${context.gas})` : `reverted with ${decoded.text}`;
    const parts = [
      `contract: ${label.contract}${context.to && context.to !== label.contract ? ` at ${context.to}` : ''}`,
      `function: ${label.function}`,
      `from: ${context.from}`,
      context.hash ? `tx: ${context.hash}` : undefined,
      context.block !== undefined ? `block: ${context.block}` : undefined,
      `rpc: ${rpcUrl}`,
      decoded.errorName === undefined && traceError ? `node: ${traceError}` : undefined,
    ];
    const hint = outOfGas
      ? `Raise the gas limit of ${keyOf(label)} (gasLimits, or gas: 'estimate' when its gas grows with its arguments).`
      : decoded.errorName !== undefined
        ? `The call broke a rule of ${label.contract}: see ${decoded.errorName} in contracts/src (docs/contracts.md) and the arguments above.`
        : 'The revert carries no known error; check the call arguments and the contract state.';
    return new TxRevertError(`${keyOf(label)} ${what} ${reason}`, {
      details: parts.filter((part) => part !== undefined).join('; '),
      hint,
      errorName: decoded.errorName,
      errorArgs: decoded.args,
      outOfGas,
    });
  };

  const gasFor = async (calls: readonly Call[], labels: CallLabel[]): Promise<bigint[]> => {
    const limits: (bigint | undefined)[] = calls.map((c, i) =>
      typeof c.gas === 'bigint' ? c.gas : c.gas === 'estimate' ? undefined : gasLimits[keyOf(labels[i])],
    );
    // which calls to estimate: explicit 'estimate', policy 'estimate', or the first of an unseen key
    const toEstimate: number[] = [];
    const firstOfKey = new Map<string, number>();
    calls.forEach((c, i) => {
      if (limits[i] !== undefined) return;
      const key = keyOf(labels[i]);
      if (c.gas === 'estimate' || gasPolicy === 'estimate') {
        toEstimate.push(i);
      } else if (firstEstimates.has(key)) {
        limits[i] = firstEstimates.get(key);
      } else if (!firstOfKey.has(key)) {
        firstOfKey.set(key, i);
        toEstimate.push(i);
      }
    });
    if (toEstimate.length > 0) {
      const outcomes = await batch(
        toEstimate.map((i) => ({
          method: 'eth_estimateGas',
          params: [
            {
              from: calls[i].account.address,
              ...(calls[i].to ? { to: calls[i].to } : {}),
              data: calls[i].data,
              ...(calls[i].value ? { value: numberToHex(calls[i].value ?? 0n) } : {}),
            },
          ],
        })),
        `estimating gas of ${toEstimate.length} transactions`,
      );
      outcomes.forEach((outcome: RpcOutcome, j) => {
        const i = toEstimate[j];
        if (!outcome.ok) {
          const data = typeof outcome.error.data === 'string' ? (outcome.error.data as Hex) : undefined;
          throw revertError('would revert (gas estimate):', labels[i], { to: calls[i].to, from: calls[i].account.address }, data, outcome.error.message);
        }
        const limit = (BigInt(outcome.result as string) * estimateMarginBps) / 10_000n + estimateHeadroom;
        limits[i] = limit;
        const key = keyOf(labels[i]);
        if (calls[i].gas === undefined && gasPolicy === 'first-estimate' && !firstEstimates.has(key)) {
          firstEstimates.set(key, limit);
        }
      });
      // later calls of a key whose first call was estimated just now
      calls.forEach((_, i) => {
        if (limits[i] === undefined) limits[i] = firstEstimates.get(keyOf(labels[i]));
      });
    }
    return limits.map((limit, i) => {
      if (limit === undefined) throw new ChainError(`No gas limit for ${keyOf(labels[i])}`, { hint: 'Internal: gas policy left a call without a limit.' });
      return limit;
    });
  };

  /** Labels, nonces (reserved now) and gas limits of calls, ready to sign. */
  const plan = async (calls: readonly Call[]): Promise<Planned[]> => {
    const labels = calls.map((c) => registry.label({ to: c.to, data: c.data }));
    await loadNonces(calls.map((c) => c.account.address));
    const gas = await gasFor(calls, labels);
    return calls.map((call, i) => {
      const from = call.account.address;
      const nonce = nonces.get(from) ?? 0;
      nonces.set(from, nonce + 1);
      return { call, label: labels[i], nonce, gas: gas[i] };
    });
  };

  /** Signs planned calls. */
  const sign = async (planned: readonly Planned[]): Promise<PreparedTx[]> => {
    const txs: PreparedTx[] = [];
    for (const { call, label, nonce, gas } of planned) {
      const from = call.account.address;
      const value = call.value ?? 0n;
      const raw = await call.account.signTransaction({
        type: 'eip1559',
        chainId,
        nonce,
        gas,
        maxFeePerGas: fees.maxFeePerGas,
        maxPriorityFeePerGas: fees.maxPriorityFeePerGas,
        ...(call.to ? { to: call.to } : {}),
        data: call.data,
        value,
      });
      txs.push({
        hash: keccak256(raw),
        raw,
        from,
        nonce,
        to: call.to,
        data: call.data,
        value,
        gas,
        label,
        contractAddress: call.to === null ? getContractAddress({ from, nonce: BigInt(nonce) }) : undefined,
      });
    }
    return txs;
  };

  /** Forgets the local nonces of senders whose reserved nonces will not be used (re-read from the node). */
  const release = (planned: readonly Planned[]): void => {
    for (const { call } of planned) nonces.delete(call.account.address);
  };

  const prepare: TxEngine['prepare'] = async ({ calls }) => {
    const planned = await plan(calls);
    try {
      return { txs: await sign(planned) };
    } catch (error) {
      release(planned);
      throw error;
    }
  };

  const send: TxEngine['send'] = async ({ txs }) => {
    const { outcomes } = await rpcBatch({
      rpcUrl,
      requests: txs.map((tx) => ({ method: 'eth_sendRawTransaction', params: [tx.raw] })),
      doing: `sending ${txs.length} signed transactions`,
      batchSize: sendBatchSize,
      diagnose,
    });
    const failures: string[] = [];
    outcomes.forEach((outcome, i) => {
      const tx = txs[i];
      if (outcome.ok) {
        pending.set(tx.hash, tx);
        sequence.set(tx.hash, nextSequence);
        nextSequence += 1;
      } else {
        nonces.delete(tx.from); // re-read from the node next time
        failures.push(`${keyOf(tx.label)} from ${tx.from} nonce ${tx.nonce}: ${outcome.error.message}`);
      }
    });
    if (failures.length > 0) {
      throw new ChainError(`The node refused ${failures.length} of ${txs.length} transactions`, {
        details: `rpc: ${rpcUrl}; ${failures.slice(0, 5).join('; ')}${failures.length > 5 ? '; …' : ''}`,
        hint:
          'Usually an unfunded sender (fund it first), a nonce already used outside this engine, or a gas limit ' +
          'above the block gas limit.',
      });
    }
  };

  /**
   * Revert data of mined transactions. `trace_transaction` reads the traces anvil recorded while mining (≈0.1 ms
   * each); `debug_traceTransaction` re-executes the block up to the transaction (≈30 ms each in a 256-tx block),
   * so it is only the fallback for nodes without the trace_ namespace.
   */
  const revertFrames = async (hashes: readonly Hash[]): Promise<{ output: Hex | undefined; error: string | undefined }[]> => {
    if (hashes.length === 0) return [];
    const parity = await batch(
      hashes.map((hash) => ({ method: 'trace_transaction', params: [hash] })),
      `reading the traces of ${hashes.length} reverted transactions`,
    );
    const frames = parity.map((outcome) => {
      if (!outcome.ok || !Array.isArray(outcome.result) || outcome.result.length === 0) return undefined;
      const traces = outcome.result as { traceAddress?: number[]; error?: string; result?: { output?: Hex } | null }[];
      const top = traces.find((trace) => (trace.traceAddress ?? []).length === 0) ?? traces[0];
      return { output: top.result?.output, error: top.error };
    });
    const missing = frames.flatMap((frame, i) => (frame === undefined ? [i] : []));
    if (missing.length > 0) {
      const debug = await batch(
        missing.map((i) => ({
          method: 'debug_traceTransaction',
          params: [hashes[i], { tracer: 'callTracer', tracerConfig: { onlyTopCall: true } }],
        })),
        `tracing ${missing.length} reverted transactions`,
      );
      missing.forEach((i, j) => {
        const outcome = debug[j];
        const frame = outcome.ok ? (outcome.result as { output?: Hex; error?: string }) : undefined;
        frames[i] = { output: frame?.output, error: frame?.error ?? (outcome.ok ? undefined : outcome.error.message) };
      });
    }
    return frames as { output: Hex | undefined; error: string | undefined }[];
  };

  const mine: TxEngine['mine'] = async ({ timestamp }) => {
    const doing = `mining a block at timestamp ${timestamp}`;
    const [set] = await batch([{ method: 'evm_setNextBlockTimestamp', params: [numberToHex(timestamp)] }], doing);
    if (!set.ok) {
      throw new ChainError(`Cannot mine a block at timestamp ${timestamp}: ${set.error.message}`, {
        details: `rpc: ${rpcUrl}; evm_setNextBlockTimestamp`,
        hint: 'Block timestamps come from the simulation clock and must never go back (equal timestamps are allowed).',
      });
    }
    await call('evm_mine', [], doing);
    const [blockOutcome, receiptsOutcome] = await batch(
      [
        { method: 'eth_getBlockByNumber', params: ['latest', false] },
        { method: 'eth_getBlockReceipts', params: ['latest'] },
      ],
      `reading the receipts of the block mined at ${timestamp}`,
    );
    if (!blockOutcome.ok || !receiptsOutcome.ok) {
      const message = !blockOutcome.ok ? blockOutcome.error.message : !receiptsOutcome.ok ? receiptsOutcome.error.message : '';
      throw new ChainError(`Could not read the mined block's receipts: ${message}`, {
        details: `rpc: ${rpcUrl}; eth_getBlockByNumber / eth_getBlockReceipts`,
        hint: 'The node must support eth_getBlockReceipts (anvil does).',
      });
    }
    const block = blockOutcome.result as { number: Hex; timestamp: Hex };
    const blockNumber = BigInt(block.number);
    const blockTimestamp = BigInt(block.timestamp);
    if (blockTimestamp !== timestamp) {
      throw new ChainError(`Block ${blockNumber} has timestamp ${blockTimestamp}, not the requested ${timestamp}`, {
        details: `rpc: ${rpcUrl}`,
        hint: 'Another client mined on this node meanwhile; use a node only this run mines on.',
      });
    }
    const ours: { tx: PreparedTx; receipt: TransactionReceipt }[] = [];
    for (const raw of receiptsOutcome.result as RpcTransactionReceipt[]) {
      const tx = pending.get(raw.transactionHash);
      if (tx === undefined) continue;
      pending.delete(tx.hash);
      ours.push({ tx, receipt: formatTransactionReceipt(raw) });
    }
    for (let i = 1; i < ours.length; i += 1) {
      if ((sequence.get(ours[i - 1].tx.hash) ?? 0) > (sequence.get(ours[i].tx.hash) ?? 0)) {
        throw new ChainError(`Block ${blockNumber} holds our transactions out of the order they were sent`, {
          details: `rpc: ${rpcUrl}; ${ours[i].tx.hash} (${keyOf(ours[i].tx.label)}) before ${ours[i - 1].tx.hash}`,
          hint: 'Gas and results would not be reproducible. Run anvil with --order fifo and send at most 64 raw transactions per batch (sendBatchSize).',
        });
      }
    }
    for (const { tx } of ours) sequence.delete(tx.hash);
    const failed = ours.filter(({ receipt }) => receipt.status !== 'success');
    const frames = await revertFrames(failed.map(({ tx }) => tx.hash));
    const errors = new Map<Hash, TxRevertError>();
    failed.forEach(({ tx, receipt }, i) => {
      errors.set(
        tx.hash,
        revertError(
          'reverted:',
          tx.label,
          { to: tx.to, from: tx.from, hash: tx.hash, block: blockNumber, gas: tx.gas, gasUsed: receipt.gasUsed },
          frames[i].output,
          frames[i].error,
        ),
      );
    });
    const results: TxResult[] = ours.map(({ tx, receipt }) => {
      ledger.record({
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
      });
      const status = receipt.status === 'success' ? 'success' : 'reverted';
      return { tx, receipt, status, error: errors.get(tx.hash) };
    });
    return { block: blockNumber, timestamp: blockTimestamp, results, pending: pending.size };
  };

  /** Sends one block's worth of transactions and mines until all of them are in (same timestamp). */
  const settleChunk = async (chunk: readonly PreparedTx[], timestamp: bigint, into: Map<Hash, TxResult>, blocks: bigint[]) => {
    await send({ txs: chunk });
    const wanted = new Set(chunk.map((tx) => tx.hash));
    for (let k = 0; wanted.size > 0; k += 1) {
      if (k > MAX_EXTRA_BLOCKS) {
        throw new ChainError(`${wanted.size} transactions were still not mined after ${k} blocks`, {
          details: `rpc: ${rpcUrl}; first: ${[...wanted][0]}`,
          hint: 'A sender may have a nonce gap (a transaction refused earlier); restart the run.',
        });
      }
      const mined = await mine({ timestamp });
      blocks.push(mined.block);
      for (const result of mined.results) {
        if (wanted.delete(result.tx.hash)) into.set(result.tx.hash, result);
      }
    }
  };

  const finish = (txs: readonly PreparedTx[], byHash: Map<Hash, TxResult>, blocks: bigint[], onRevert: 'throw' | 'return') => {
    const results = txs.map((tx) => byHash.get(tx.hash) as TxResult);
    if (onRevert === 'throw') {
      const reverted = results.find((result) => result.error !== undefined);
      if (reverted?.error) throw reverted.error;
    }
    return { results, blocks };
  };

  // Blocks hold at most maxTxsPerBlock transactions, all at `timestamp`: anvil builds a block's receipts in time
  // quadratic in its size (≈15 s for 5,000), so many small blocks are far faster than one big one.
  const settle: TxEngine['settle'] = async ({ txs, timestamp, onRevert = 'throw' }) => {
    const byHash = new Map<Hash, TxResult>();
    const blocks: bigint[] = [];
    for (let start = 0; start < txs.length; start += maxTxsPerBlock) {
      await settleChunk(txs.slice(start, start + maxTxsPerBlock), timestamp, byHash, blocks);
    }
    return finish(txs, byHash, blocks, onRevert);
  };

  // Signing everything first and then settling was as fast as signing block i + 1 while the node mined block i
  // (measured on the shared 2-core machine, where neither process had a core to spare), and simpler.
  const execute: TxEngine['execute'] = async ({ calls, timestamp, onRevert }) => {
    const { txs } = await prepare({ calls });
    return settle({ txs, timestamp, onRevert });
  };

  return {
    node,
    registry,
    ledger,
    client,
    prepare,
    send,
    mine,
    settle,
    execute,
    async nextNonce({ address }) {
      const checksummed = getAddress(address);
      await loadNonces([checksummed]);
      return nonces.get(checksummed) ?? 0;
    },
  };
}
