import { ChainError } from '../errors.ts';
import type { ChainNode, Hardfork } from './chainNode.ts';
import { connectNode } from './connectNode.ts';
import { startAnvil, type StartAnvilParameters } from './startAnvil.ts';

export interface OpenNodeParameters extends Omit<StartAnvilParameters, 'hardfork'> {
  /** "embedded": spawn anvil; "rpc": connect to `rpcUrl` (the scenario's `chain.mode`). */
  mode: 'embedded' | 'rpc';
  /** Required when mode is "rpc". */
  rpcUrl?: string;
  hardfork: Hardfork;
}

/** The node for a run: `startAnvil` in embedded mode, `connectNode` in rpc mode. */
export async function openNode({ mode, rpcUrl, ...anvil }: OpenNodeParameters): Promise<ChainNode> {
  if (mode === 'rpc') {
    if (rpcUrl === undefined) {
      throw new ChainError('chain.mode is "rpc" but no RPC URL was given', {
        hint: 'Set chain.rpcUrl in the scenario or pass --rpc-url.',
      });
    }
    return connectNode({ rpcUrl, chainId: anvil.chainId });
  }
  return startAnvil(anvil);
}
