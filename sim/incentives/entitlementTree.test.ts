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
    // the largest amount and a lower-case address encode the same way
    const max = (1n << 256n) - 1n;
    const big = encodeAbiParameters([{ type: 'address' }, { type: 'uint256' }], [C, max]);
    expect(entitlementLeaf({ account: C.toLowerCase() as Address, cumulative: max })).toBe(keccak256(keccak256(big)));
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

  it('is the library’s StandardMerkleTree: same root, leaves and every proof (1 to 1,000 accounts, amounts up to 2^127)', () => {
    for (const count of [1, 2, 3, 4, 5, 7, 8, 9, 31, 64, 257, 1000]) {
      const random = Array.from({ length: count }, (_, i) => {
        const h = BigInt(keccak256(encodeAbiParameters([{ type: 'uint256' }, { type: 'uint256' }], [BigInt(count), BigInt(i)])));
        const account = getAddress(`0x${(h >> 96n).toString(16).padStart(40, '0')}`);
        // zero, small, power-of-two and large amounts (the total must fit uint128)
        const kind = Number(h % 4n);
        const cumulative = kind === 0 ? 0n : kind === 1 ? h % 0xffff_ffffn : kind === 2 ? 1n << (32n + (h % 69n)) : (1n << 127n) / BigInt(count) - BigInt(i);
        return { account, cumulative };
      });
      const ours = entitlementTree({ entries: random });
      const sorted = [...random].sort((a, b) => (a.account.toLowerCase() < b.account.toLowerCase() ? -1 : 1));
      const theirs = StandardMerkleTree.of(sorted.map((e) => [e.account, e.cumulative] as [string, bigint]), [...ENTITLEMENT_LEAF_ENCODING]);
      expect(ours.root, `${count} accounts`).toBe(theirs.root);
      for (const leaf of ours.leaves) {
        expect(leaf.leaf).toBe(theirs.leafHash([leaf.account, leaf.cumulative]));
        expect(ours.proofFor(leaf.account)).toEqual(theirs.getProof([leaf.account, leaf.cumulative]));
      }
    }
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
