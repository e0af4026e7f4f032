import { MetricInputError } from '../errors.ts';

/** What gasSummary needs of a mined transaction (sim/chain GasEntry, or a gas.csv row). */
export interface GasRow {
  block: bigint;
  contract: string;
  function: string;
  gasUsed: bigint;
}

export interface GasSummaryParameters {
  /** The run's gas ledger (sim/chain createGasLedger), or anything listing its rows. */
  ledger: { entries(): readonly GasRow[] };
  /** Consumer-events that took part (the denominator of gas per consumer-event). */
  consumerEvents: number;
  /** The scenario's gas price for the USD cost (gwei). */
  gasPriceGwei: number;
  /** The scenario's ETH price (USD). */
  ethUsd: number;
  /** Rows before this block are left out (e.g. the first block after the deployment). Default 0: all. */
  fromBlock?: bigint;
}

export interface GasSummaryResult {
  /** Σ gasUsed. */
  total: number;
  transactions: number;
  /** Per `Contract.function`, keys sorted. */
  byFunction: Record<string, { calls: number; gas: number }>;
  /** total / consumerEvents; null without consumer-events. */
  perConsumerEvent: number | null;
  /** total × gasPriceGwei × 10⁻⁹ × ethUsd. */
  costUsd: number;
  gasPriceGwei: number;
  ethUsd: number;
}

const safe = (value: bigint, what: string): number => {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new MetricInputError(`gasSummary: ${what} ${value} exceeds 2^53`);
  return Number(value);
};

/** Gas used by the run: total, per function (sorted keys), per consumer-event, and its cost in USD. */
export function gasSummary({ ledger, consumerEvents, gasPriceGwei, ethUsd, fromBlock = 0n }: GasSummaryParameters): GasSummaryResult {
  for (const [name, value] of [['consumerEvents', consumerEvents], ['gasPriceGwei', gasPriceGwei], ['ethUsd', ethUsd]] as const) {
    if (!Number.isFinite(value) || value < 0) throw new MetricInputError(`gasSummary: ${name} must be a non-negative number, got ${value}`);
  }
  let total = 0n;
  let transactions = 0;
  const totals = new Map<string, { calls: number; gas: bigint }>();
  for (const row of ledger.entries()) {
    if (row.block < fromBlock) continue;
    const key = `${row.contract}.${row.function}`;
    const t = totals.get(key) ?? { calls: 0, gas: 0n };
    t.calls += 1;
    t.gas += row.gasUsed;
    totals.set(key, t);
    total += row.gasUsed;
    transactions += 1;
  }
  const byFunction: Record<string, { calls: number; gas: number }> = {};
  for (const key of [...totals.keys()].sort()) {
    const t = totals.get(key)!;
    byFunction[key] = { calls: t.calls, gas: safe(t.gas, key) };
  }
  const totalGas = safe(total, 'total gas');
  return {
    total: totalGas,
    transactions,
    byFunction,
    perConsumerEvent: consumerEvents > 0 ? totalGas / consumerEvents : null,
    costUsd: totalGas * gasPriceGwei * 1e-9 * ethUsd,
    gasPriceGwei,
    ethUsd,
  };
}
