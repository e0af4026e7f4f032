import { isPrivate, pointFromScalar, signRecoverable } from 'tiny-secp256k1';
import {
  bytesToHex,
  type Hex,
  hashMessage,
  hashTypedData,
  hexToBytes,
  keccak256,
  type PrivateKeyAccount,
  serializeSignature,
  serializeTransaction,
  type Signature,
  type TransactionSerializable,
} from 'viem';
import { publicKeyToAddress, signAuthorization, toAccount } from 'viem/accounts';
import { ChainError } from '../errors.ts';

export interface LocalAccountParameters {
  /** 32-byte private key, 0x-prefixed. */
  privateKey: Hex;
}

/** A viem local account. */
export type LocalAccountResult = PrivateKeyAccount;

/**
 * A viem private-key account that signs with libsecp256k1 (tiny-secp256k1, WebAssembly) instead of viem's
 * pure-JS curve: RFC 6979 deterministic nonces and low-s like viem, so signatures, raw transactions and their
 * hashes are byte-identical to `privateKeyToAccount`'s, several times faster (signing is the bound of the
 * simulator's transaction path). Messages and EIP-712 data are hashed by viem and signed the same way;
 * EIP-7702 authorizations go through viem unchanged.
 */
export function localAccount({ privateKey }: LocalAccountParameters): LocalAccountResult {
  const key = hexToBytes(privateKey);
  const point = isPrivate(key) ? pointFromScalar(key, false) : null;
  if (point === null) {
    throw new ChainError('localAccount: not a valid secp256k1 private key', {
      hint: 'A private key is 32 bytes in [1, n) of secp256k1.',
    });
  }
  const publicKey = bytesToHex(point);

  const signHash = (hash: Hex): Signature => {
    const { signature, recoveryId } = signRecoverable(hexToBytes(hash), key);
    if (recoveryId > 1) {
      // only when r ≥ n − p, with probability ≈ 2^-127; Ethereum signatures cannot express it
      throw new ChainError('localAccount: signature with an unrepresentable recovery id', { hint: 'Sign again with other data.' });
    }
    return {
      r: bytesToHex(signature.subarray(0, 32)),
      s: bytesToHex(signature.subarray(32, 64)),
      v: recoveryId === 1 ? 28n : 27n,
      yParity: recoveryId,
    };
  };

  const account = toAccount({
    address: publicKeyToAddress(publicKey),
    async sign({ hash }) {
      return serializeSignature(signHash(hash));
    },
    async signAuthorization(authorization) {
      return signAuthorization({ ...authorization, privateKey });
    },
    async signMessage({ message }) {
      return serializeSignature(signHash(hashMessage(message)));
    },
    async signTransaction(transaction, { serializer = serializeTransaction } = {}) {
      const signable = (
        transaction.type === 'eip4844' ? { ...transaction, sidecars: false } : transaction
      ) as TransactionSerializable;
      const signature = signHash(keccak256(await serializer(signable)));
      return (await serializer(transaction, signature)) as Hex;
    },
    async signTypedData(typedData) {
      return serializeSignature(signHash(hashTypedData(typedData)));
    },
  });
  return { ...account, publicKey, source: 'privateKey' } as PrivateKeyAccount;
}
