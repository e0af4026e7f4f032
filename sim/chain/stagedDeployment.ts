import type { Address } from 'viem';
import { ChainError } from '../errors.ts';
import type { ContractName } from './generated/abis.ts';
import type { PreparedTx } from './preparedTx.ts';
import type { TxEngine } from './txEngine.ts';
import type { Call } from './writeCall.ts';

/**
 * A deployment in progress: calls are prepared (signed) one by one, so later calls can use the addresses earlier
 * deployments will get, and mined together one block at a time, `blockTimeSeconds` apart.
 */
export interface StagedDeployment {
  readonly engine: TxEngine;
  readonly blockTimeSeconds: bigint;
  /** Timestamp of the next block. */
  now: bigint;
  /** Blocks mined so far. */
  readonly blocks: bigint[];
  /** Contracts deployed so far, in deployment order. */
  readonly deployed: { name: string; artifact: ContractName; address: Address }[];
  /** Prepared for the next block. */
  readonly staged: PreparedTx[];
}

/** A deployment whose first block will be mined at `timestamp`. */
export function createStagedDeployment({
  engine,
  timestamp,
  blockTimeSeconds,
}: {
  engine: TxEngine;
  timestamp: bigint;
  blockTimeSeconds: bigint;
}): StagedDeployment {
  return { engine, blockTimeSeconds, now: timestamp, blocks: [], deployed: [], staged: [] };
}

/** Prepares a call for the next block. */
export async function stage(run: StagedDeployment, call: Call): Promise<PreparedTx> {
  const { txs } = await run.engine.prepare({ calls: [call] });
  run.staged.push(txs[0]);
  return txs[0];
}

/** Prepares a deployment for the next block and returns the address the contract will have. */
export async function stageDeployment(run: StagedDeployment, artifact: ContractName, name: string, call: Call): Promise<Address> {
  const tx = await stage(run, call);
  const address = tx.contractAddress as Address;
  run.deployed.push({ name, artifact, address });
  return address;
}

/** Sends and mines the staged calls in one block; any revert, or a call left out of the block, throws. */
export async function mineStaged(run: StagedDeployment): Promise<void> {
  const txs = run.staged.splice(0);
  await run.engine.send({ txs });
  const wanted = new Set(txs.map((tx) => tx.hash));
  const mined = await run.engine.mine({ timestamp: run.now });
  run.blocks.push(mined.block);
  for (const result of mined.results) {
    if (result.error) throw result.error;
    wanted.delete(result.tx.hash);
  }
  if (wanted.size > 0) {
    throw new ChainError(`deploySystem: ${wanted.size} deployment transactions did not fit into block ${mined.block}`, {
      hint: 'Raise the block gas limit of the node (startAnvil blockGasLimit).',
    });
  }
  run.now += run.blockTimeSeconds;
}
