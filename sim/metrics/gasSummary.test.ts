import { describe, expect, it } from 'vitest';
import { createGasLedger } from '../chain/gasLedger.ts';
import { gasSummary } from './gasSummary.ts';

const entry = (block: bigint, contract: string, fn: string, gasUsed: bigint, index = 0) => ({
  block,
  timestamp: 1000n + block,
  index,
  txHash: `0x${block.toString(16).padStart(64, '0')}` as const,
  from: '0x0000000000000000000000000000000000000001' as const,
  gasUsed,
  effectiveGasPrice: 1n,
  status: 'success' as const,
  contract,
  function: fn,
  inputBytes: 4,
  txBytes: 110,
  txZeroBytes: 10,
});

describe('gasSummary', () => {
  it('totals gas per function (sorted), per consumer-event and in USD', () => {
    const ledger = createGasLedger();
    ledger.record(entry(1n, 'GridToken', 'constructor', 1_000_000n));
    ledger.record(entry(2n, 'ReductionRequests', 'createEvent', 200_000n));
    ledger.record(entry(3n, 'IncentiveDistributor', 'claimBatch', 500_000n));
    ledger.record(entry(3n, 'IncentiveDistributor', 'claimBatch', 300_000n, 1));
    // from block 2: 200k + 500k + 300k = 1,000,000 gas; 50 consumer-events → 20,000 each;
    // 1e6 gas × 20 gwei = 0.02 ETH × 3000 USD = 60 USD
    const result = gasSummary({ ledger, consumerEvents: 50, gasPriceGwei: 20, ethUsd: 3000, fromBlock: 2n });
    expect(result.total).toBe(1_000_000);
    expect(result.transactions).toBe(3);
    expect(Object.keys(result.byFunction)).toEqual(['IncentiveDistributor.claimBatch', 'ReductionRequests.createEvent']);
    expect(result.byFunction['IncentiveDistributor.claimBatch']).toEqual({ calls: 2, gas: 800_000 });
    expect(result.perConsumerEvent).toBe(20_000);
    expect(result.costUsd).toBeCloseTo(60, 9);
    // everything, and no consumer-events
    const all = gasSummary({ ledger, consumerEvents: 0, gasPriceGwei: 1, ethUsd: 1 });
    expect(all.total).toBe(2_000_000);
    expect(all.perConsumerEvent).toBeNull();
    expect(() => gasSummary({ ledger, consumerEvents: -1, gasPriceGwei: 1, ethUsd: 1 })).toThrow(/consumerEvents/);
  });
});
