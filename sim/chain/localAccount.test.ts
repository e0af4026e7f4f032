import { keccak256, toHex, type TransactionSerializable, zeroAddress } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { describe, expect, it } from 'vitest';
import { ChainError } from '../errors.ts';
import { localAccount } from './localAccount.ts';

// Keys spread over the range, including small and near-order values.
const keys = [
  `0x${'00'.repeat(31)}01`,
  `0x${'11'.repeat(32)}`,
  keccak256(toHex('peaklab')),
  '0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364140',
] as const;

const transactions: TransactionSerializable[] = [
  { type: 'eip1559', chainId: 31337, nonce: 0, gas: 80_000n, maxFeePerGas: 2n * 10n ** 10n, maxPriorityFeePerGas: 10n ** 9n, to: '0x1000000000000000000000000000000000000001', data: '0xa9059cbb', value: 0n },
  { type: 'eip1559', chainId: 1, nonce: 4242, gas: 3_000_000n, maxFeePerGas: 1n, maxPriorityFeePerGas: 1n, data: '0x6080604052', value: 5n }, // creation
  { type: 'legacy', chainId: 31337, nonce: 7, gas: 21_000n, gasPrice: 10n ** 9n, to: zeroAddress, value: 1n },
];

describe('localAccount', () => {
  it('has the same address and signs transactions, messages and typed data byte-identically to viem', async () => {
    for (const privateKey of keys) {
      const fast = localAccount({ privateKey });
      const reference = privateKeyToAccount(privateKey);
      expect(fast.address).toBe(reference.address);
      expect(fast.publicKey).toBe(reference.publicKey);
      for (const [i, tx] of transactions.entries()) {
        for (let nonce = 0; nonce < 20; nonce += 1) {
          const t = { ...tx, nonce: (tx.nonce ?? 0) + nonce + i };
          expect(await fast.signTransaction(t)).toBe(await reference.signTransaction(t));
        }
      }
      expect(await fast.signMessage({ message: 'opt in to event 7' })).toBe(await reference.signMessage({ message: 'opt in to event 7' }));
      const typedData = {
        domain: { name: 'peaklab ReductionRequests', version: '1', chainId: 31337, verifyingContract: '0x1000000000000000000000000000000000000001' },
        types: { OptIn: [{ name: 'consumer', type: 'address' }, { name: 'eventId', type: 'uint256' }, { name: 'deadline', type: 'uint64' }] },
        primaryType: 'OptIn',
        message: { consumer: reference.address, eventId: 7n, deadline: 1_750_000_000n },
      } as const;
      expect(await fast.signTypedData(typedData)).toBe(await reference.signTypedData(typedData));
      const hash = keccak256(toHex('raw'));
      expect(await fast.sign?.({ hash })).toBe(await reference.sign({ hash }));
    }
  });

  it('rejects a private key outside [1, n)', () => {
    expect(() => localAccount({ privateKey: `0x${'00'.repeat(32)}` })).toThrow(ChainError);
    expect(() => localAccount({ privateKey: '0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141' })).toThrow(/not a valid secp256k1 private key/);
    expect(() => localAccount({ privateKey: '0x1234' })).toThrow(/not a valid/);
  });
});
