import { type ContractConstructorArgs, encodeDeployData, type EncodeDeployDataParameters, type LocalAccount } from 'viem';
import { contractArtifacts, type ContractName } from './generated/abis.ts';
import type { Call } from './writeCall.ts';

export type DeployCallParameters<name extends ContractName> = {
  account: LocalAccount;
  /** Which generated artifact to deploy. */
  contract: name;
  gas?: bigint | 'estimate';
} & (ContractConstructorArgs<(typeof contractArtifacts)[name]['abi']> extends readonly []
  ? { args?: readonly [] }
  : { args: ContractConstructorArgs<(typeof contractArtifacts)[name]['abi']> });

/** A typed deployment of a generated artifact (constructor arguments checked against its ABI). */
export function deployCall<name extends ContractName>(parameters: DeployCallParameters<name>): Call {
  const { account, contract, gas } = parameters;
  const { abi, bytecode } = contractArtifacts[contract];
  const args = (parameters as { args?: readonly unknown[] }).args ?? [];
  const data = encodeDeployData({ abi, bytecode, args } as unknown as EncodeDeployDataParameters);
  return { account, to: null, data, gas };
}
