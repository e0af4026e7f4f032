import { describe, expect, it } from 'vitest';
import { createGasLedger, type GasEntry } from './gasLedger.ts';

const entry = (block: bigint, index: number, contract: string, fn: string, gasUsed: bigint, status: GasEntry['status'] = 'success'): GasEntry => ({
  block,
  timestamp: 1_000n + block * 12n,
  index,
  contract,
  function: fn,
  txHash: `0x${block.toString(16).padStart(2, '0')}${index.toString(16).padStart(62, '0')}`,
  from: '0x000000000000000000000000000000000000dEaD',
  gasUsed,
  effectiveGasPrice: 7n,
  status,
  inputBytes: 36,
  txBytes: 140,
  txZeroBytes: 40,
});

describe('createGasLedger', () => {
  it('totals gas and fees per (contract, function), sorted by key, counting reverts', () => {
    const ledger = createGasLedger();
    ledger.record(entry(2n, 0, 'ReductionRequests', 'createEvent', 100n));
    ledger.record(entry(2n, 1, 'GridToken', 'transfer', 30n));
    ledger.record(entry(3n, 0, 'GridToken', 'transfer', 40n, 'reverted'));
    const summary = ledger.summary();
    expect(summary.transactions).toBe(3);
    expect(summary.gasUsed).toBe(170n);
    expect(summary.feeWei).toBe(170n * 7n);
    expect(summary.byFunction).toEqual([
      { key: 'GridToken.transfer', contract: 'GridToken', function: 'transfer', calls: 2, reverted: 1, gasUsed: 70n, feeWei: 490n },
      { key: 'ReductionRequests.createEvent', contract: 'ReductionRequests', function: 'createEvent', calls: 1, reverted: 0, gasUsed: 100n, feeWei: 700n },
    ]);
  });

  it('lists entries and gas.csv rows in block / index order whatever the recording order', () => {
    const ledger = createGasLedger();
    ledger.record(entry(3n, 1, 'B', 'g', 2n));
    ledger.record(entry(2n, 5, 'A', 'f', 1n));
    ledger.record(entry(3n, 0, 'C', 'h(uint256,address)', 3n));
    expect(ledger.entries().map((e) => `${e.block}:${e.index}`)).toEqual(['2:5', '3:0', '3:1']);
    const lines = ledger.csv().split('\n');
    expect(lines[0]).toBe('block,timestamp,contract,function,txHash,gasUsed,from');
    expect(lines[1]).toBe(`2,1024,A,f,${entry(2n, 5, 'A', 'f', 1n).txHash},1,0x000000000000000000000000000000000000dEaD`);
    expect(lines[2]).toContain(',C,"h(uint256,address)",'); // overloaded signatures are quoted
    expect(lines).toHaveLength(5); // header, 3 rows, trailing newline
    expect(lines[4]).toBe('');
  });
});
