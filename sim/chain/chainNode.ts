/** EVM hardforks the simulator runs on (the scenario's `chain.hardfork`). */
export type Hardfork = 'shanghai' | 'cancun' | 'prague';

/**
 * A JSON-RPC node the simulator talks to: an embedded anvil (`startAnvil`) or an existing node (`connectNode`).
 * `stop()` is idempotent; for an existing node it only forgets it (never stops someone else's node).
 */
export interface ChainNode {
  /** JSON-RPC endpoint, e.g. http://127.0.0.1:40123. */
  readonly rpcUrl: string;
  /** "embedded" (anvil spawned by us) or "rpc" (an existing node). */
  readonly mode: 'embedded' | 'rpc';
  /** Chain id the node reports. */
  readonly chainId: number;
  /** The node's `web3_clientVersion` (e.g. "anvil/v1.7.1"), for run manifests. */
  readonly clientVersion: string;
  /** Process id of the embedded anvil; undefined for an existing node. */
  readonly pid: number | undefined;
  /** Why the node may have stopped answering (exit code/signal and last stderr lines), when known. */
  diagnose(): string | undefined;
  /** Stops the embedded anvil (SIGTERM, then SIGKILL after a grace period); idempotent. */
  stop(): Promise<void>;
}
