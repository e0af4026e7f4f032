import {
  type Abi,
  type Address,
  type ContractFunctionName,
  encodeFunctionData,
  type EncodeFunctionDataParameters,
  type Hex,
  type LocalAccount,
} from 'viem';

/**
 * One transaction to make, already ABI-encoded: who signs it, where it goes (`to: null` deploys `data`), the
 * native value and, optionally, its gas limit (a number, or 'estimate' to estimate this very call).
 */
export interface Call {
  account: LocalAccount;
  to: Address | null;
  data: Hex;
  value?: bigint;
  gas?: bigint | 'estimate';
}

/** A contract to call: an address and its ABI (a viem contract handle fits). */
export interface CallTarget<abi extends Abi | readonly unknown[]> {
  address: Address;
  abi: abi;
}

export type WriteCallParameters<
  abi extends Abi | readonly unknown[] = Abi,
  functionName extends ContractFunctionName<abi, 'nonpayable' | 'payable'> | undefined = ContractFunctionName<
    abi,
    'nonpayable' | 'payable'
  >,
> = Omit<EncodeFunctionDataParameters<abi, functionName>, 'abi'> & {
  account: LocalAccount;
  contract: CallTarget<abi>;
  value?: bigint;
  gas?: bigint | 'estimate';
};

/**
 * A typed contract call (function name and arguments checked against the generated ABI), encoded once.
 * `writeCall({ account, contract: contracts.gridToken, functionName: 'transfer', args: [to, 1n] })`.
 */
export function writeCall<
  const abi extends Abi | readonly unknown[],
  functionName extends ContractFunctionName<abi, 'nonpayable' | 'payable'> | undefined = undefined,
>(parameters: WriteCallParameters<abi, functionName>): Call {
  const { account, contract, value, gas, ...encode } = parameters;
  const data = encodeFunctionData({ abi: contract.abi, ...encode } as unknown as EncodeFunctionDataParameters);
  return { account, to: contract.address, data, value, gas };
}
