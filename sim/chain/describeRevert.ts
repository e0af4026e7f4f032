import type { Address, Hash, Hex } from 'viem';
import { type AbiError, type CallLabel, callKey } from './contractRegistry.ts';
import { decodeRevert } from './decodeRevert.ts';
import { TxRevertError } from './txRevertError.ts';

/** Where a reverted call (or its gas estimate) came from; the mined fields are known only for a mined transaction. */
export interface RevertSite {
  to: Address | null;
  from: Address;
  hash?: Hash;
  block?: bigint;
  gas?: bigint;
  gasUsed?: bigint;
}

export interface DescribeRevertParameters {
  /** What reverted, in the message: 'reverted:' or 'would revert (gas estimate):'. */
  what: string;
  label: CallLabel;
  site: RevertSite;
  /** The revert data (undefined when the node gave none). */
  data: Hex | undefined;
  /** The node's own error text (trace or estimate), when it gave one. */
  nodeError?: string;
  /** Custom errors to decode against (ContractRegistry.errorsAbi()). */
  errors: readonly AbiError[];
  rpcUrl: string;
}

/** Out of gas: the node says so, or the transaction used its whole gas limit. */
export const isOutOfGas = (site: RevertSite, nodeError: string | undefined): boolean =>
  (nodeError !== undefined && /out of gas|OutOfGas/i.test(nodeError)) ||
  (site.gas !== undefined && site.gasUsed !== undefined && site.gasUsed >= site.gas);

/** The ChainError of a revert: the decoded custom error (or out of gas), where it happened, and what to do. */
export function describeRevert({ what, label, site, data, nodeError, errors, rpcUrl }: DescribeRevertParameters): TxRevertError {
  const key = callKey(label);
  const decoded = decodeRevert({ data, errors });
  const outOfGas = isOutOfGas(site, nodeError);
  const reason = outOfGas ? `ran out of gas (limit ${site.gas})` : `reverted with ${decoded.text}`;
  const parts = [
    `contract: ${label.contract}${site.to && site.to !== label.contract ? ` at ${site.to}` : ''}`,
    `function: ${label.function}`,
    `from: ${site.from}`,
    site.hash ? `tx: ${site.hash}` : undefined,
    site.block !== undefined ? `block: ${site.block}` : undefined,
    `rpc: ${rpcUrl}`,
    decoded.errorName === undefined && nodeError ? `node: ${nodeError}` : undefined,
  ];
  const hint = outOfGas
    ? `Raise the gas limit of ${key} (gasLimits, or gas: 'estimate' when its gas grows with its arguments).`
    : decoded.errorName !== undefined
      ? `The call broke a rule of ${label.contract}: see ${decoded.errorName} in contracts/src (docs/contracts.md) and the arguments above.`
      : 'The revert carries no known error; check the call arguments and the contract state.';
  return new TxRevertError(`${key} ${what} ${reason}`, {
    details: parts.filter((part) => part !== undefined).join('; '),
    hint,
    errorName: decoded.errorName,
    errorArgs: decoded.args,
    outOfGas,
  });
}
