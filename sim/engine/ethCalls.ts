import { type Abi, type Address, decodeFunctionResult, encodeFunctionData, type Hex } from 'viem';
import { rpcBatch, type TxEngine } from '../chain/index.ts';
import { ChainError } from '../errors.ts';

export interface EthCallsParameters<abi extends Abi> {
  engine: TxEngine;
  abi: abi;
  address: Address;
  functionName: string;
  /** One argument list per call. */
  args: readonly (readonly unknown[])[];
  doing: string;
}

/** Many reads of one view function in batched JSON-RPC `eth_call`s (1000 per request), decoded, in order. */
export async function ethCalls<abi extends Abi>({ engine, abi, address, functionName, args, doing }: EthCallsParameters<abi>): Promise<unknown[]> {
  if (args.length === 0) return [];
  const requests = args.map((a) => ({
    method: 'eth_call',
    params: [{ to: address, data: encodeFunctionData({ abi, functionName, args: a } as never) }, 'latest'],
  }));
  const { outcomes } = await rpcBatch({ rpcUrl: engine.node.rpcUrl, requests, doing, batchSize: 1000, diagnose: engine.node.diagnose });
  return outcomes.map((outcome, i) => {
    if (!outcome.ok) {
      throw new ChainError(`${functionName} call ${i} failed while ${doing}: ${outcome.error.message}`, {
        details: `rpc: ${engine.node.rpcUrl}; args ${JSON.stringify(args[i], (_, v) => (typeof v === 'bigint' ? v.toString() : v))}`,
        hint: 'See the node error above.',
      });
    }
    return decodeFunctionResult({ abi, functionName, data: outcome.result as Hex } as never);
  });
}
