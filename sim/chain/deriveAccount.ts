import { encodeAbiParameters, type Hex, hexToBigInt, keccak256, type PrivateKeyAccount } from 'viem';
import { UsageError } from '../errors.ts';
import { localAccount } from './localAccount.ts';

export interface DeriveAccountParameters {
  /** The scenario's root seed (uint32, or any non-negative integer as bigint). */
  seed: number | bigint;
  /** Kind of actor: 'consumer', 'utility', 'regulator', 'oracle', 'deployer', … */
  kind: string;
  /** The actor's id within its kind. */
  id: number | string | bigint;
}

/** A viem local account (signs transactions, messages and EIP-712 data offline, with libsecp256k1). */
export type DeriveAccountResult = PrivateKeyAccount;

// secp256k1 group order: a private key must be in [1, n).
const SECP256K1_N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;
const DOMAIN = 'peaklab.account.v1';
const HINT = 'deriveAccount({ seed, kind, id }) needs a non-negative integer seed, a non-empty kind and an id.';

/**
 * The deterministic account of one actor: private key = keccak256(abi.encode("peaklab.account.v1", seed, kind,
 * id)), re-hashed in the (≈2^-128 likely) case it falls outside [1, n). Same (seed, kind, id) ⇒ same address on
 * every machine; adding actors never changes another actor's address. The account signs with libsecp256k1
 * (`localAccount`): byte-identical to viem's `privateKeyToAccount`, several times faster.
 * These keys are public knowledge: use them only on simulation chains.
 */
export function deriveAccount({ seed, kind, id }: DeriveAccountParameters): DeriveAccountResult {
  if (typeof seed === 'number' ? !Number.isSafeInteger(seed) || seed < 0 : seed < 0n) {
    throw new UsageError(`deriveAccount: seed must be a non-negative integer, got ${String(seed)}`, { hint: HINT });
  }
  if (kind.length === 0) throw new UsageError('deriveAccount: kind must be a non-empty string', { hint: HINT });
  if (typeof id === 'number' && !Number.isSafeInteger(id)) {
    throw new UsageError(`deriveAccount: a numeric id must be a safe integer, got ${String(id)}`, { hint: HINT });
  }
  const idText = typeof id === 'string' ? `s:${id}` : `n:${id.toString()}`;
  let key: Hex = keccak256(
    encodeAbiParameters(
      [{ type: 'string' }, { type: 'uint256' }, { type: 'string' }, { type: 'string' }],
      [DOMAIN, BigInt(seed), kind, idText],
    ),
  );
  while (hexToBigInt(key) === 0n || hexToBigInt(key) >= SECP256K1_N) key = keccak256(key);
  return localAccount({ privateKey: key });
}
