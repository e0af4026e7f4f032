import type { Hash, Hex } from 'viem';
import { batchOf, type TxEngineContext } from './txEngineContext.ts';

/** The top call frame of a reverted transaction: its revert data and the node's error text. */
export interface RevertFrame {
  output: Hex | undefined;
  error: string | undefined;
}

/**
 * Revert data of mined transactions. `trace_transaction` reads the traces anvil recorded while mining (≈0.1 ms
 * each); `debug_traceTransaction` re-executes the block up to the transaction (≈30 ms each in a 256-tx block),
 * so it is only the fallback for nodes without the trace_ namespace.
 */
export async function readRevertFrames(context: TxEngineContext, hashes: readonly Hash[]): Promise<RevertFrame[]> {
  if (hashes.length === 0) return [];
  const parity = await batchOf(
    context,
    hashes.map((hash) => ({ method: 'trace_transaction', params: [hash] })),
    `reading the traces of ${hashes.length} reverted transactions`,
  );
  const frames = parity.map((outcome): RevertFrame | undefined => {
    if (!outcome.ok || !Array.isArray(outcome.result) || outcome.result.length === 0) return undefined;
    const traces = outcome.result as { traceAddress?: number[]; error?: string; result?: { output?: Hex } | null }[];
    const top = traces.find((trace) => (trace.traceAddress ?? []).length === 0) ?? traces[0];
    return { output: top.result?.output, error: top.error };
  });
  const missing = frames.flatMap((frame, i) => (frame === undefined ? [i] : []));
  if (missing.length > 0) {
    const debug = await batchOf(
      context,
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
  return frames as RevertFrame[];
}
