import { describe, expect, it } from 'vitest';
import { MetricInputError } from '../errors.ts';
import { type FeeRow, feeModels } from './feeModels.ts';

const row = (timestamp: bigint, gasUsed: bigint, txBytes: number, txZeroBytes: number): FeeRow => ({ timestamp, gasUsed, txBytes, txZeroBytes });
const ledger = (rows: FeeRow[]) => ({ entries: () => rows });
const l2 = { gasPriceGwei: 0.05, l1BaseFeeGwei: 20, l1BlobBaseFeeGwei: 1e-9, baseFeeScalar: 1368, blobBaseFeeScalar: 810949 };

describe('feeModels', () => {
  it('prices the same transactions on L1 and on an Ecotone L2, splitting off the set-up', () => {
    // 1,000,000 gas of set-up (100 bytes, 20 zero) and 200,000 gas in the period (200 bytes, 50 zero)
    const rows = [row(10n, 1_000_000n, 100, 20), row(100n, 200_000n, 200, 50)];
    const result = feeModels({ ledger: ledger(rows), consumerEvents: 4, ethUsd: 3000, l1GasPriceGwei: 20, l2, setupBefore: 50n });
    // L1: 1.2e6 gas × 20 gwei × 1e-9 × 3000 USD = 72 USD, 60 of it set-up
    expect(result.l1.costUsd).toBeCloseTo(72, 10);
    expect(result.l1.setupUsd).toBeCloseTo(60, 10);
    expect(result.l1.perConsumerEventUsd).toBeCloseTo(18, 10);
    // L2 execution: 1.2e6 × 0.05 gwei → 0.18 USD
    expect(result.l2.executionUsd).toBeCloseTo(0.18, 10);
    // data gas: (20×4 + 80×16) + (50×4 + 150×16) = 1360 + 2600 = 3960; gwei per data gas = (16×1368×20 + 810949×1e-9) / 16e6
    const perDataGas = (16 * 1368 * 20 + 810949e-9) / 16e6;
    expect(result.l2.l1DataUsd).toBeCloseTo(3960 * perDataGas * 3e-6, 12);
    expect(result.l2.costUsd).toBeCloseTo(result.l2.executionUsd + result.l2.l1DataUsd, 12);
    expect(result.l2.setupUsd).toBeCloseTo(1e6 * 0.05 * 3e-6 + 1360 * perDataGas * 3e-6, 12);
  });

  it('the L1 model matches gasSummary (gasUsed × gas price) and has no cost per consumer-event without consumer-events', () => {
    const result = feeModels({ ledger: ledger([row(1n, 21_000n, 110, 0)]), consumerEvents: 0, ethUsd: 2000, l1GasPriceGwei: 10, l2, setupBefore: 0n });
    expect(result.l1.costUsd).toBe(21_000 * 10 * 1e-9 * 2000);
    expect(result.l1.setupUsd).toBe(0);
    expect(result.l1.perConsumerEventUsd).toBeNull();
    expect(result.l2.perConsumerEventUsd).toBeNull();
  });

  it('refuses negative or non-finite prices', () => {
    expect(() => feeModels({ ledger: ledger([]), consumerEvents: 1, ethUsd: 3000, l1GasPriceGwei: -1, l2, setupBefore: 0n })).toThrow(MetricInputError);
    expect(() => feeModels({ ledger: ledger([]), consumerEvents: 1, ethUsd: 3000, l1GasPriceGwei: 1, l2: { ...l2, baseFeeScalar: Number.NaN }, setupBefore: 0n })).toThrow(
      /baseFeeScalar/,
    );
  });
});
