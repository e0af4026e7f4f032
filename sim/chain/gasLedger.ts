import type { Address, Hash } from 'viem';
import type { CallLabel } from './contractRegistry.ts';

/** One mined transaction of the simulator (a gas.csv row). */
export interface GasEntry extends CallLabel {
  block: bigint;
  /** Block timestamp (unix seconds; set from the simulation clock). */
  timestamp: bigint;
  /** Position in the block. */
  index: number;
  txHash: Hash;
  from: Address;
  gasUsed: bigint;
  /** Wei per gas actually paid. */
  effectiveGasPrice: bigint;
  status: 'success' | 'reverted';
  /** Calldata (transaction input) length in bytes. */
  inputBytes: number;
  /** Length of the signed transaction (its raw EIP-2718 bytes), what a rollup posts to L1 for it. */
  txBytes: number;
  /** How many of `txBytes` are zero (an L1 data fee charges 4 gas for a zero byte, 16 for any other). */
  txZeroBytes: number;
}

/** Totals of one (contract, function). */
export interface GasTotal extends CallLabel {
  /** `Contract.function`. */
  key: string;
  calls: number;
  reverted: number;
  gasUsed: bigint;
  /** Wei paid (Σ gasUsed × effectiveGasPrice). */
  feeWei: bigint;
}

export interface GasSummary {
  /** Sorted by key. */
  byFunction: GasTotal[];
  transactions: number;
  gasUsed: bigint;
  feeWei: bigint;
}

/**
 * Accounts every mined transaction's gasUsed per (contract, function), with counts, totals and the per-tx
 * list (gas.csv). The transaction engine records into it; everything it reports comes from receipts.
 */
export interface GasLedger {
  record(entry: GasEntry): void;
  /** Every recorded transaction in block / index order. */
  entries(): readonly GasEntry[];
  summary(): GasSummary;
  /** gas.csv of the run directory: `block,timestamp,contract,function,txHash,gasUsed,from`, block/index order. */
  csv(): string;
}

export const GAS_CSV_HEADER = 'block,timestamp,contract,function,txHash,gasUsed,from';

const byPosition = (a: GasEntry, b: GasEntry): number =>
  a.block === b.block ? a.index - b.index : a.block < b.block ? -1 : 1;

const csvField = (text: string): string => (/[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

/** An empty gas ledger. */
export function createGasLedger(): GasLedger {
  const list: GasEntry[] = [];
  let sorted = true;
  const ordered = (): GasEntry[] => {
    if (!sorted) {
      list.sort(byPosition);
      sorted = true;
    }
    return list;
  };
  return {
    record(entry) {
      const last = list[list.length - 1];
      if (last !== undefined && byPosition(last, entry) > 0) sorted = false;
      list.push(entry);
    },
    entries: () => ordered(),
    summary() {
      const totals = new Map<string, GasTotal>();
      let gasUsed = 0n;
      let feeWei = 0n;
      for (const entry of list) {
        const key = `${entry.contract}.${entry.function}`;
        let total = totals.get(key);
        if (total === undefined) {
          total = { key, contract: entry.contract, function: entry.function, calls: 0, reverted: 0, gasUsed: 0n, feeWei: 0n };
          totals.set(key, total);
        }
        const fee = entry.gasUsed * entry.effectiveGasPrice;
        total.calls += 1;
        if (entry.status === 'reverted') total.reverted += 1;
        total.gasUsed += entry.gasUsed;
        total.feeWei += fee;
        gasUsed += entry.gasUsed;
        feeWei += fee;
      }
      const byFunction = [...totals.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      return { byFunction, transactions: list.length, gasUsed, feeWei };
    },
    csv() {
      const rows = ordered().map((e) =>
        [e.block.toString(), e.timestamp.toString(), csvField(e.contract), csvField(e.function), e.txHash, e.gasUsed.toString(), e.from].join(','),
      );
      return `${[GAS_CSV_HEADER, ...rows].join('\n')}\n`;
    },
  };
}
