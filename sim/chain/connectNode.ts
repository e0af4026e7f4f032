import { ChainError } from '../errors.ts';
import type { ChainNode } from './chainNode.ts';
import { rpcCall } from './rpcBatch.ts';

export interface ConnectNodeParameters {
  /** JSON-RPC endpoint of a running node (scenario `chain.rpcUrl`, or --rpc-url). */
  rpcUrl: string;
  /** When given, the node must report this chain id. */
  chainId?: number;
}

/** The ChainNode of an existing node. */
export type ConnectNodeResult = ChainNode;

/**
 * Connects to an existing JSON-RPC node instead of spawning anvil (`--rpc-url` mode). Nothing is spawned and
 * `stop()` never stops the node. The simulator mines explicitly, so the node must accept `evm_mine` and
 * `evm_setNextBlockTimestamp` (anvil does; run it with `--no-mining --order fifo` for reproducible blocks).
 */
export async function connectNode({ rpcUrl, chainId }: ConnectNodeParameters): Promise<ConnectNodeResult> {
  let url: URL;
  try {
    url = new URL(rpcUrl);
  } catch (cause) {
    throw new ChainError(`Not a valid RPC URL: ${rpcUrl}`, {
      hint: 'Give an http(s) URL such as http://127.0.0.1:8545.',
      cause,
    });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ChainError(`Only http(s) RPC URLs are supported, got ${rpcUrl}`, {
      hint: 'Start the node with an HTTP endpoint (anvil listens on http://127.0.0.1:8545 by default).',
    });
  }
  const answered = Number(await rpcCall<string>({ rpcUrl, method: 'eth_chainId', doing: 'connecting to the node' }));
  if (chainId !== undefined && answered !== chainId) {
    throw new ChainError(`The node at ${rpcUrl} runs chain ${answered}, not ${chainId}`, {
      details: `rpc: ${rpcUrl}`,
      hint: 'Point --rpc-url at the right node or change the scenario chain id.',
    });
  }
  const clientVersion = await rpcCall<string>({ rpcUrl, method: 'web3_clientVersion', doing: 'reading the node version' });
  return {
    rpcUrl,
    mode: 'rpc',
    chainId: answered,
    clientVersion,
    pid: undefined,
    diagnose: () => undefined,
    stop: async () => {},
  };
}
