import { type Address, numberToHex } from 'viem';
import { ChainError } from '../errors.ts';
import type { ChainNode } from './chainNode.ts';
import { rpcBatch } from './rpcBatch.ts';

export interface FundAccountsParameters {
  node: Pick<ChainNode, 'rpcUrl' | 'diagnose'>;
  /** Accounts to fund (any order; each is set, not topped up). */
  addresses: readonly Address[];
  /** Native balance each account gets, in wei. */
  balance: bigint;
  /** anvil_setBalance calls per HTTP request (default 1000). */
  batchSize?: number;
}

export interface FundAccountsResult {
  /** Number of accounts set. */
  funded: number;
}

/**
 * Sets the native balance of many accounts with `anvil_setBalance`, in batched JSON-RPC (thousands of
 * consumers in a few requests). Needs an anvil node (embedded, or --rpc-url pointing at anvil).
 */
export async function fundAccounts({
  node,
  addresses,
  balance,
  batchSize,
}: FundAccountsParameters): Promise<FundAccountsResult> {
  const value = numberToHex(balance);
  const { outcomes } = await rpcBatch({
    rpcUrl: node.rpcUrl,
    requests: addresses.map((address) => ({ method: 'anvil_setBalance', params: [address, value] })),
    doing: `funding ${addresses.length} accounts with anvil_setBalance`,
    batchSize,
    diagnose: node.diagnose,
  });
  const failed = outcomes.findIndex((outcome) => !outcome.ok);
  if (failed >= 0) {
    const outcome = outcomes[failed];
    throw new ChainError(`Could not fund account ${addresses[failed]} on ${node.rpcUrl}`, {
      details: `rpc: ${node.rpcUrl}; anvil_setBalance: ${outcome.ok ? '' : outcome.error.message}`,
      hint: 'Funding uses anvil_setBalance: with --rpc-url the node must be anvil.',
    });
  }
  return { funded: addresses.length };
}
