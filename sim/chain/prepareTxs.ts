import { getContractAddress, keccak256 } from 'viem';
import type { CallLabel } from './contractRegistry.ts';
import { gasLimitsFor } from './gasLimitsFor.ts';
import { loadNonces } from './loadNonces.ts';
import type { PreparedTx } from './preparedTx.ts';
import type { TxEngineContext } from './txEngineContext.ts';
import type { Call } from './writeCall.ts';

/** A call with everything it needs to be signed. */
interface PlannedCall {
  call: Call;
  label: CallLabel;
  nonce: number;
  gas: bigint;
}

/** Labels, nonces (reserved now, in call order per sender) and gas limits of calls, ready to sign. */
async function planCalls(context: TxEngineContext, calls: readonly Call[]): Promise<PlannedCall[]> {
  const { nonces } = context.state;
  const labels = calls.map((c) => context.registry.label({ to: c.to, data: c.data }));
  await loadNonces(context, calls.map((c) => c.account.address));
  const gas = await gasLimitsFor(context, calls, labels);
  return calls.map((call, i) => {
    const from = call.account.address;
    const nonce = nonces.get(from) ?? 0;
    nonces.set(from, nonce + 1);
    return { call, label: labels[i], nonce, gas: gas[i] };
  });
}

/** Signs planned calls as EIP-1559 transactions with the engine's fixed fees. */
async function signPlanned(context: TxEngineContext, planned: readonly PlannedCall[]): Promise<PreparedTx[]> {
  const txs: PreparedTx[] = [];
  for (const { call, label, nonce, gas } of planned) {
    const from = call.account.address;
    const value = call.value ?? 0n;
    const raw = await call.account.signTransaction({
      type: 'eip1559',
      chainId: context.chainId,
      nonce,
      gas,
      maxFeePerGas: context.fees.maxFeePerGas,
      maxPriorityFeePerGas: context.fees.maxPriorityFeePerGas,
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
}

/** Assigns nonces and gas limits and signs; nothing is sent. When signing fails, the reserved nonces are
 *  given back (the senders' nonces are re-read from the node next time). */
export async function prepareTxs(context: TxEngineContext, { calls }: { calls: readonly Call[] }): Promise<{ txs: PreparedTx[] }> {
  const planned = await planCalls(context, calls);
  try {
    return { txs: await signPlanned(context, planned) };
  } catch (error) {
    for (const { call } of planned) context.state.nonces.delete(call.account.address);
    throw error;
  }
}
