import type { Address } from 'viem';
import { ChainError } from '../errors.ts';
import { batchOf, type TxEngineContext } from './txEngineContext.ts';

/** Reads from the node (pending block) the nonces of the senders the engine does not know yet. */
export async function loadNonces(context: TxEngineContext, addresses: readonly Address[]): Promise<void> {
  const { nonces } = context.state;
  const missing = [...new Set(addresses)].filter((address) => !nonces.has(address));
  if (missing.length === 0) return;
  const outcomes = await batchOf(
    context,
    missing.map((address) => ({ method: 'eth_getTransactionCount', params: [address, 'pending'] })),
    `reading the nonces of ${missing.length} accounts`,
  );
  outcomes.forEach((outcome, i) => {
    if (!outcome.ok) {
      throw new ChainError(`Could not read the nonce of ${missing[i]}`, {
        details: `rpc: ${context.rpcUrl}; ${outcome.error.message}`,
        hint: 'See the node error above.',
      });
    }
    nonces.set(missing[i], Number(outcome.result as string));
  });
}
