import { type Address, bytesToHex, type Hex, hexToBytes, keccak256 } from 'viem';

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
  return bytesToHex(entitlementLeafBytes({ account, cumulative }));
}

/**
 * The same leaf as 32 bytes, hashed from the 64-byte `abi.encode(address, uint256)` written directly (12 zero
 * bytes, the 20 address bytes, the amount as 32 big-endian bytes) — no ABI encoder, no hex round trips: a tree of
 * thousands of leaves is built in milliseconds. `cumulative` must fit 256 bits (entitlementTree checks it).
 */
export function entitlementLeafBytes({ account, cumulative }: EntitlementLeafParameters): Uint8Array {
  const encoded = new Uint8Array(64);
  encoded.set(hexToBytes(account), 12);
  encoded.set(hexToBytes(`0x${cumulative.toString(16).padStart(64, '0')}`), 32);
  return keccak256(keccak256(encoded, 'bytes'), 'bytes');
}
