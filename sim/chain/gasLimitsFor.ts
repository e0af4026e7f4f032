import { type Hex, numberToHex } from 'viem';
import { ChainError } from '../errors.ts';
import { type CallLabel, callKey } from './contractRegistry.ts';
import { describeRevert } from './describeRevert.ts';
import { planGasLimits } from './planGasLimits.ts';
import type { RpcOutcome } from './rpcBatch.ts';
import { batchOf, type TxEngineContext } from './txEngineContext.ts';
import type { Call } from './writeCall.ts';

/** A gas limit from an estimate: estimate × estimateMarginBps / 10000 + estimateHeadroom. */
const limitFromEstimate = (context: TxEngineContext, estimate: bigint): bigint =>
  (estimate * context.estimateMarginBps) / 10_000n + context.estimateHeadroom;

/** The estimate request of a call. */
const estimateRequest = (call: Call) => ({
  method: 'eth_estimateGas',
  params: [
    {
      from: call.account.address,
      ...(call.to ? { to: call.to } : {}),
      data: call.data,
      ...(call.value ? { value: numberToHex(call.value ?? 0n) } : {}),
    },
  ],
});

/**
 * The gas limit of each call (see planGasLimits), estimating in one batch the calls that need it; under
 * 'first-estimate' the first estimate of each `Contract.function` is remembered for its later calls. A call whose
 * estimate reverts throws its decoded TxRevertError.
 */
export async function gasLimitsFor(context: TxEngineContext, calls: readonly Call[], labels: CallLabel[]): Promise<bigint[]> {
  const { gasPolicy, state } = context;
  const { limits, toEstimate } = planGasLimits({ calls, labels, gasLimits: context.gasLimits, gasPolicy, firstEstimates: state.firstEstimates });
  if (toEstimate.length > 0) {
    const outcomes = await batchOf(
      context,
      toEstimate.map((i) => estimateRequest(calls[i])),
      `estimating gas of ${toEstimate.length} transactions`,
    );
    outcomes.forEach((outcome: RpcOutcome, j) => {
      const i = toEstimate[j];
      if (!outcome.ok) {
        throw describeRevert({
          what: 'would revert (gas estimate):',
          label: labels[i],
          site: { to: calls[i].to, from: calls[i].account.address },
          data: typeof outcome.error.data === 'string' ? (outcome.error.data as Hex) : undefined,
          nodeError: outcome.error.message,
          errors: context.registry.errorsAbi(),
          rpcUrl: context.rpcUrl,
        });
      }
      const limit = limitFromEstimate(context, BigInt(outcome.result as string));
      limits[i] = limit;
      const key = callKey(labels[i]);
      if (calls[i].gas === undefined && gasPolicy === 'first-estimate' && !state.firstEstimates.has(key)) {
        state.firstEstimates.set(key, limit);
      }
    });
    // later calls of a key whose first call was estimated just now
    calls.forEach((_, i) => {
      if (limits[i] === undefined) limits[i] = state.firstEstimates.get(callKey(labels[i]));
    });
  }
  return limits.map((limit, i) => {
    if (limit === undefined) throw new ChainError(`No gas limit for ${callKey(labels[i])}`, { hint: 'Internal: gas policy left a call without a limit.' });
    return limit;
  });
}
