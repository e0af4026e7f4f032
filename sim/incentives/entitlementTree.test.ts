import { StandardMerkleTree } from '@openzeppelin/merkle-tree';
import { type Address, concat, encodeAbiParameters, getAddress, keccak256 } from 'viem';
import { describe, expect, it } from 'vitest';
import { PayoutRuleError } from '../errors.ts';
import { entitlementLeaf } from './entitlementLeaf.ts';
import { ENTITLEMENT_LEAF_ENCODING, entitlementTree } from './entitlementTree.ts';

const A = '0x1000000000000000000000000000000000000001' as Address;
const B = '0x2000000000000000000000000000000000000002' as Address;
const C = '0xabcdef0000000000000000000000000000000003' as Address;

describe('entitlementLeaf', () => {
  it('is keccak256(keccak256(abi.encode(address, uint256))), the contract’s leaf', () => {
    const encoded = encodeAbiParameters([{ type: 'address' }, { type: 'uint256' }], [A, 5n]);
    // abi.encode pads the address to 32 bytes and the amount to 32 bytes
    expect(encoded).toBe(`0x${'0'.repeat(24)}${A.slice(2)}${'0'.repeat(63)}5`);
    expect(entitlementLeaf({ account: A, cumulative: 5n })).toBe(keccak256(keccak256(encoded)));
  });
});

describe('entitlementTree', () => {
  const entries = [
    { account: C, cumulative: 3n },
    { account: A, cumulative: 10n ** 18n },
    { account: B, cumulative: 7n },
  ];

  it('builds an OZ StandardMerkleTree whose proofs verify, with leaves sorted by account and the total', () => {
    const tree = entitlementTree({ entries });
    expect(tree.leaves.map((l) => l.account)).toEqual([A, B, getAddress(C)]);
    expect(tree.total).toBe(10n ** 18n + 10n);
    for (const leaf of tree.leaves) {
      expect(leaf.leaf).toBe(entitlementLeaf({ account: leaf.account, cumulative: leaf.cumulative }));
      const proof = tree.proofFor(leaf.account);
      expect(StandardMerkleTree.verify(tree.root, [...ENTITLEMENT_LEAF_ENCODING], [leaf.account, leaf.cumulative], proof)).toBe(true);
      // and by hand, the way MerkleProof.verify folds it: sorted-pair keccak up to the root
      const root = proof.reduce((node, sibling) => keccak256(node < sibling ? concat([node, sibling]) : concat([sibling, node])), leaf.leaf);
      expect(root).toBe(tree.root);
    }
    // a wrong amount does not verify
    expect(StandardMerkleTree.verify(tree.root, [...ENTITLEMENT_LEAF_ENCODING], [A, 10n ** 18n + 1n], tree.proofFor(A))).toBe(false);
  });

  it('is deterministic: any input order (and address case) gives the same root', () => {
    const reordered = entitlementTree({ entries: [entries[2], { account: C.toLowerCase() as Address, cumulative: 3n }, entries[1]] });
    expect(reordered.root).toBe(entitlementTree({ entries }).root);
  });

  it('a single entry: the root is its leaf and the proof is empty', () => {
    const tree = entitlementTree({ entries: [{ account: A, cumulative: 42n }] });
    expect(tree.root).toBe(entitlementLeaf({ account: A, cumulative: 42n }));
    expect(tree.proofFor(A)).toEqual([]);
  });

  it('rejects an empty tree, duplicate accounts, unknown accounts, bad addresses and totals above uint128', () => {
    expect(() => entitlementTree({ entries: [] })).toThrow(PayoutRuleError);
    expect(() => entitlementTree({ entries: [{ account: A, cumulative: 1n }, { account: A.toLowerCase() as Address, cumulative: 2n }] })).toThrow(/appears twice/);
    expect(() => entitlementTree({ entries }).proofFor('0x0000000000000000000000000000000000000009')).toThrow(/has no leaf/);
    expect(() => entitlementTree({ entries: [{ account: '0x12' as Address, cumulative: 1n }] })).toThrow(/not an address/);
    expect(() => entitlementTree({ entries: [{ account: A, cumulative: 1n << 127n }, { account: B, cumulative: 1n << 127n }] })).toThrow(/exceeds uint128/);
  });
});
