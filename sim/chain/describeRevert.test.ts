import { encodeErrorResult } from 'viem';
import { describe, expect, it } from 'vitest';
import { createContractRegistry } from './contractRegistry.ts';
import { describeRevert, isOutOfGas } from './describeRevert.ts';
import { TxRevertError } from './txRevertError.ts';

const errors = createContractRegistry().errorsAbi();
const from = '0x0000000000000000000000000000000000000aaa';
const to = '0x0000000000000000000000000000000000000bbb';
const utility = '0x0000000000000000000000000000000000000717';
const label = { contract: 'UtilityRegistry', function: 'approve' };
const rpcUrl = 'http://127.0.0.1:8545';

describe('isOutOfGas', () => {
  it('is the node saying so, or a transaction that used its whole limit', () => {
    expect(isOutOfGas({ to, from }, 'EVM error OutOfGas')).toBe(true);
    expect(isOutOfGas({ to, from, gas: 50_000n, gasUsed: 50_000n }, undefined)).toBe(true);
    expect(isOutOfGas({ to, from, gas: 50_000n, gasUsed: 49_999n }, 'execution reverted')).toBe(false);
    expect(isOutOfGas({ to, from }, undefined)).toBe(false);
  });
});

describe('describeRevert', () => {
  it('names the custom error, where it happened, and points at the contract rule', () => {
    const data = encodeErrorResult({ abi: errors, errorName: 'UtilityNotActive', args: [utility, 2] } as never);
    const error = describeRevert({
      what: 'reverted:',
      label,
      site: { to, from, hash: '0x01', block: 7n, gas: 90_000n, gasUsed: 30_000n },
      data,
      nodeError: 'execution reverted',
      errors,
      rpcUrl,
    });
    expect(error).toBeInstanceOf(TxRevertError);
    expect(error).toMatchObject({ errorName: 'UtilityNotActive', errorArgs: [utility, 2], outOfGas: false });
    expect(error.shortMessage).toBe(`UtilityRegistry.approve reverted: reverted with UtilityNotActive(${utility}, 2)`);
    expect(error.details).toBe(`contract: UtilityRegistry at ${to}; function: approve; from: ${from}; tx: 0x01; block: 7; rpc: ${rpcUrl}`);
    expect(error.hint).toMatch(/broke a rule of UtilityRegistry: see UtilityNotActive/);
  });

  it('says when a call ran out of gas and which limit to raise', () => {
    const error = describeRevert({ what: 'reverted:', label, site: { to, from, gas: 60_000n, gasUsed: 60_000n }, data: '0x', errors, rpcUrl });
    expect(error).toMatchObject({ errorName: undefined, outOfGas: true });
    expect(error.shortMessage).toBe('UtilityRegistry.approve reverted: ran out of gas (limit 60000)');
    expect(error.hint).toMatch(/^Raise the gas limit of UtilityRegistry.approve/);
  });

  it('keeps the node message when the revert carries no known error', () => {
    const error = describeRevert({
      what: 'would revert (gas estimate):',
      label,
      site: { to, from },
      data: undefined,
      nodeError: 'execution reverted',
      errors,
      rpcUrl,
    });
    expect(error.shortMessage).toMatch(/^UtilityRegistry.approve would revert \(gas estimate\): reverted with no revert data/);
    expect(error.details).toBe(`contract: UtilityRegistry at ${to}; function: approve; from: ${from}; rpc: ${rpcUrl}; node: execution reverted`);
    expect(error.hint).toMatch(/no known error/);
  });
});
