import { MetricInputError } from '../errors.ts';

/** What feeModels needs of a mined transaction (sim/chain GasEntry). */
export interface FeeRow {
  /** Block timestamp (unix seconds). */
  timestamp: bigint;
  gasUsed: bigint;
  /** Signed transaction length and how many of its bytes are zero. */
  txBytes: number;
  txZeroBytes: number;
}

/** An OP Stack L2 under Ecotone fee rules (scenario `chain.l2`). */
export interface L2FeeParameters {
  /** Execution gas price on the L2 (gwei). */
  gasPriceGwei: number;
  /** L1 base fee and blob base fee the L1 data fee is charged at (gwei). */
  l1BaseFeeGwei: number;
  l1BlobBaseFeeGwei: number;
  /** Ecotone scalars, scaled by 1e6. */
  baseFeeScalar: number;
  blobBaseFeeScalar: number;
}

export interface FeeModelsParameters {
  ledger: { entries(): readonly FeeRow[] };
  /** Consumer-events that took part (the denominator of the cost per consumer-event). */
  consumerEvents: number;
  ethUsd: number;
  /** L1: every gas unit at this price (gwei), as gas.costUsd. */
  l1GasPriceGwei: number;
  l2: L2FeeParameters;
  /** Transactions mined before this instant (unix seconds: the period's start) are set-up. */
  setupBefore: bigint;
}

/** One fee model's cost of the run (USD). */
export interface FeeModelCost {
  costUsd: number;
  /** Of costUsd, the set-up transactions' (before the period). */
  setupUsd: number;
  /** costUsd / consumer-events; null without consumer-events. */
  perConsumerEventUsd: number | null;
}

export interface FeeModelsResult {
  l1: FeeModelCost;
  l2: FeeModelCost & { executionUsd: number; l1DataUsd: number };
}

interface Totals {
  gas: bigint;
  /** Σ (4 × zero bytes + 16 × other bytes) of the signed transactions: the L1 data gas of Ecotone. */
  dataGas: bigint;
}

/** Gas and L1 data gas of the whole run and of its set-up. */
function totalsOf(rows: readonly FeeRow[], setupBefore: bigint): { all: Totals; setup: Totals } {
  const all: Totals = { gas: 0n, dataGas: 0n };
  const setup: Totals = { gas: 0n, dataGas: 0n };
  for (const row of rows) {
    const dataGas = BigInt(4 * row.txZeroBytes + 16 * (row.txBytes - row.txZeroBytes));
    all.gas += row.gasUsed;
    all.dataGas += dataGas;
    if (row.timestamp < setupBefore) {
      setup.gas += row.gasUsed;
      setup.dataGas += dataGas;
    }
  }
  return { all, setup };
}

/**
 * The same run's transactions priced under several chain fee models (docs/cost-effectiveness.md#gas-under-several-fee-models):
 * L1 (gasUsed × gas price) and an OP Stack L2 (gasUsed × L2 gas price + Ecotone L1 data fee on each signed
 * transaction: dataGas × (16 × baseFeeScalar × l1BaseFee + blobBaseFeeScalar × l1BlobBaseFee) / 16e6).
 */
export function feeModels({ ledger, consumerEvents, ethUsd, l1GasPriceGwei, l2, setupBefore }: FeeModelsParameters): FeeModelsResult {
  const checked = { consumerEvents, ethUsd, l1GasPriceGwei, ...l2 };
  for (const [name, value] of Object.entries(checked).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!Number.isFinite(value) || value < 0) throw new MetricInputError(`feeModels: ${name} must be a non-negative number, got ${value}`);
  }
  const { all, setup } = totalsOf(ledger.entries(), setupBefore);
  // gas × gwei × 1e-9 × ethUsd, in gasSummary's order, so the L1 cost is gas.costUsd to the last bit
  const usd = (gas: bigint, gwei: number) => Number(gas) * gwei * 1e-9 * ethUsd;
  const perEvent = (cost: number) => (consumerEvents > 0 ? cost / consumerEvents : null);
  const l1Cost = (t: Totals) => usd(t.gas, l1GasPriceGwei);
  const dataGweiPerGas = (16 * l2.baseFeeScalar * l2.l1BaseFeeGwei + l2.blobBaseFeeScalar * l2.l1BlobBaseFeeGwei) / 16e6;
  const l2Parts = (t: Totals) => ({ execution: usd(t.gas, l2.gasPriceGwei), data: usd(t.dataGas, dataGweiPerGas) });
  const l2All = l2Parts(all);
  const l2Setup = l2Parts(setup);
  const l1 = l1Cost(all);
  const l2Total = l2All.execution + l2All.data;
  return {
    l1: { costUsd: l1, setupUsd: l1Cost(setup), perConsumerEventUsd: perEvent(l1) },
    l2: { costUsd: l2Total, setupUsd: l2Setup.execution + l2Setup.data, perConsumerEventUsd: perEvent(l2Total), executionUsd: l2All.execution, l1DataUsd: l2All.data },
  };
}
