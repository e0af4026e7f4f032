import { type Address, encodeAbiParameters, type Hex, keccak256 } from 'viem';

export interface EntitlementLeafParameters {
  account: Address;
  /** Cumulative entitlement in token base units (uint256). */
  cumulative: bigint;
}

/**
 * The leaf IncentiveDistributor verifies for a claim: `keccak256(bytes.concat(keccak256(abi.encode(account,
 * cumulative))))` — the OpenZeppelin StandardMerkleTree leaf of the encoding ['address', 'uint256'].
 */
export function entitlementLeaf({ account, cumulative }: EntitlementLeafParameters): Hex {
  return keccak256(keccak256(encodeAbiParameters([{ type: 'address' }, { type: 'uint256' }], [account, cumulative])));
}
