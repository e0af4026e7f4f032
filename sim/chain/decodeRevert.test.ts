import { encodeErrorResult, parseAbi } from 'viem';
import { describe, expect, it } from 'vitest';
import { createContractRegistry } from './contractRegistry.ts';
import { decodeRevert } from './decodeRevert.ts';

const errors = createContractRegistry().errorsAbi();
const utility = '0x0000000000000000000000000000000000000717';

describe('decodeRevert', () => {
  it('names a custom error with its arguments', () => {
    const data = encodeErrorResult({ abi: errors, errorName: 'UtilityNotActive', args: [utility, 2] } as never);
    expect(decodeRevert({ data, errors })).toEqual({
      errorName: 'UtilityNotActive',
      args: [utility, 2],
      text: `UtilityNotActive(${utility}, 2)`,
    });
  });

  it('formats strings, bigints, arrays and structs', () => {
    const abi = parseAbi(['error E(string what, uint256[] xs, (uint8 a, bool b) s)']);
    const data = encodeErrorResult({ abi, errorName: 'E', args: ['timelock', [1n, 2n], { a: 3, b: true }] });
    expect(decodeRevert({ data, errors: abi }).text).toBe('E("timelock", [1, 2], {a: 3, b: true})');
  });

  it('decodes require strings and panics, and says when there is nothing to decode', () => {
    const reason = encodeErrorResult({ abi: parseAbi(['error Error(string)']), errorName: 'Error', args: ['nope'] });
    expect(decodeRevert({ data: reason, errors }).text).toBe('Error("nope")');
    const panic = encodeErrorResult({ abi: parseAbi(['error Panic(uint256)']), errorName: 'Panic', args: [0x11n] });
    expect(decodeRevert({ data: panic, errors })).toMatchObject({ errorName: 'Panic', text: 'Panic(0x11: arithmetic overflow or underflow)' });
    expect(decodeRevert({ data: '0x', errors })).toMatchObject({ errorName: undefined, text: expect.stringMatching(/no revert data/) });
    expect(decodeRevert({ data: '0x12345678', errors })).toMatchObject({ errorName: undefined, text: 'unknown error 0x12345678 (data 0x12345678)' });
  });
});
