import { PayoutRuleError } from '../errors.ts';

/** One account's amount (token base units). `account` may be any stable key (an address, `eventId:address`, …). */
export interface AccountAmount {
  account: string;
  amount: bigint;
}

export interface CrossCheckParameters {
  /** What the TypeScript rule says (sim/incentives). */
  expected: readonly AccountAmount[];
  /** What the chain says (quotePayout, claimedOf, Claimed events…). */
  onChain: readonly AccountAmount[];
}

export interface CrossCheckMismatch {
  account: string;
  /** 0 when the account is missing from `expected`. */
  expected: bigint;
  /** 0 when the account is missing from `onChain`. */
  onChain: bigint;
}

export interface CrossCheckResult {
  /** Distinct accounts in either list. */
  consumersChecked: number;
  /** Accounts whose amounts differ (a missing side counts as 0), sorted by account. */
  mismatches: CrossCheckMismatch[];
}

const toMap = (rows: readonly AccountAmount[], side: string): Map<string, bigint> => {
  const map = new Map<string, bigint>();
  for (const { account, amount } of rows) {
    const key = account.toLowerCase();
    if (map.has(key)) {
      throw new PayoutRuleError(`crossCheck: ${account} appears twice in ${side}`, {
        hint: 'Give one amount per account (sum per account first).',
      });
    }
    map.set(key, amount);
  }
  return map;
};

/**
 * Compares the mirror's amounts with the chain's, account by account (keys compared case-insensitively, so
 * checksummed and lower-case addresses match). A run fails when `mismatches` is not empty.
 */
export function crossCheck({ expected, onChain }: CrossCheckParameters): CrossCheckResult {
  const mirror = toMap(expected, 'expected');
  const chain = toMap(onChain, 'onChain');
  const names = new Map<string, string>();
  for (const { account } of [...expected, ...onChain]) if (!names.has(account.toLowerCase())) names.set(account.toLowerCase(), account);
  const keys = [...names.keys()].sort();
  const mismatches: CrossCheckMismatch[] = [];
  for (const key of keys) {
    const e = mirror.get(key) ?? 0n;
    const c = chain.get(key) ?? 0n;
    if (e !== c) mismatches.push({ account: names.get(key)!, expected: e, onChain: c });
  }
  return { consumersChecked: keys.length, mismatches };
}
