import { StandardMerkleTree } from '@openzeppelin/merkle-tree';
import { type Address, getAddress, type Hex, isAddress } from 'viem';
import { PayoutRuleError } from '../errors.ts';
import { toUint, type UintInput } from './toUint.ts';

/** The StandardMerkleTree leaf encoding IncentiveDistributor verifies. */
export const ENTITLEMENT_LEAF_ENCODING = ['address', 'uint256'] as const;

/** The largest declared total postRoot accepts (its `cumulativeTotal` is a uint128). */
const UINT128_MAX = (1n << 128n) - 1n;

export interface Entitlement {
  account: Address;
  /** Cumulative entitlement in the program token's base units. */
  cumulative: UintInput;
}

export interface EntitlementTreeParameters {
  /** One entry per account (any order; each account once). */
  entries: readonly Entitlement[];
}

export interface EntitlementLeafRow {
  /** Checksummed account. */
  account: Address;
  cumulative: bigint;
  /** The leaf hash (see `entitlementLeaf`). */
  leaf: Hex;
}

export interface EntitlementTreeResult {
  /** The Merkle root to post (IncentiveDistributor.postRoot merkleRoot). */
  root: Hex;
  /** Σ cumulative, the root's declared `cumulativeTotal` (fits uint128). */
  total: bigint;
  /** Leaves sorted by account (lower-case hex order). */
  leaves: EntitlementLeafRow[];
  /** The proof of `account`'s leaf (throws PayoutRuleError for an account not in the tree). */
  proofFor(account: Address): Hex[];
}

const accountOrder = (a: { account: string }, b: { account: string }): number => {
  const x = a.account.toLowerCase();
  const y = b.account.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
};

/**
 * The Merkle tree of cumulative entitlements one settlement root commits to, built with OpenZeppelin's
 * StandardMerkleTree over (address account, uint256 cumulative). Entries are sorted by account first, and the
 * library sorts leaves by hash, so the same entitlements in any order give the same root and proofs.
 */
export function entitlementTree({ entries }: EntitlementTreeParameters): EntitlementTreeResult {
  if (entries.length === 0) {
    throw new PayoutRuleError('entitlementTree: no entries', {
      hint: 'A settlement root needs at least one account with an entitlement (postRoot rejects an empty root).',
    });
  }
  const rows = entries.map(({ account, cumulative }, i) => {
    if (!isAddress(account, { strict: false })) {
      throw new PayoutRuleError(`entitlementTree: entries[${i}].account is not an address: ${String(account)}`);
    }
    return { account: getAddress(account), cumulative: toUint({ value: cumulative, name: `entries[${i}].cumulative`, bits: 256 }) };
  });
  rows.sort(accountOrder);
  let total = 0n;
  for (let i = 0; i < rows.length; i++) {
    if (i > 0 && rows[i].account === rows[i - 1].account) {
      throw new PayoutRuleError(`entitlementTree: account ${rows[i].account} appears twice`, {
        hint: 'Sum an account’s entitlements first (CumulativeLedger does): a root has one leaf per account.',
      });
    }
    total += rows[i].cumulative;
  }
  if (total > UINT128_MAX) {
    throw new PayoutRuleError(`entitlementTree: the total ${total} exceeds uint128`, {
      hint: 'postRoot declares the total as a uint128; split the program or check the token units.',
    });
  }
  const tree = StandardMerkleTree.of(
    rows.map((row) => [row.account, row.cumulative] as [string, bigint]),
    [...ENTITLEMENT_LEAF_ENCODING],
  );
  const indexOf = new Map<string, number>();
  for (const [index, [account]] of tree.entries()) indexOf.set((account as string).toLowerCase(), index);
  const leaves = rows.map((row) => ({ ...row, leaf: tree.leafHash([row.account, row.cumulative]) as Hex }));
  return {
    root: tree.root as Hex,
    total,
    leaves,
    proofFor(account) {
      const index = indexOf.get(account.toLowerCase());
      if (index === undefined) {
        throw new PayoutRuleError(`entitlementTree: ${account} has no leaf in this tree`, {
          hint: 'Only accounts with an entry get a proof; check the settlement covers this account.',
        });
      }
      return tree.getProof(index) as Hex[];
    },
  };
}
